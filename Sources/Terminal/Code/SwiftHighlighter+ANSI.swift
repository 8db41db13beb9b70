import Console
import Course

/// The terminal's colors for the course's Swift tokens (``SwiftHighlighter`` in Course).
extension SwiftHighlighter {
    /// The color of each kind of token.
    static func style(for kind: Kind) -> TextStyle {
        switch kind {
        case .plain: return .plain
        case .keyword: return TextStyle(bold: true, foreground: .magenta)
        case .string: return TextStyle(foreground: .green)
        case .number: return TextStyle(foreground: .yellow)
        case .comment: return TextStyle(italic: true, foreground: .brightBlack)
        case .type: return TextStyle(foreground: .cyan)
        case .attribute: return TextStyle(foreground: .brightMagenta)
        }
    }
}
