import Console

/// The named looks the renderer uses, in one place so the palette is easy to change.
enum Theme {
    static let heading1 = TextStyle(bold: true, foreground: .magenta)
    static let heading2 = TextStyle(bold: true, foreground: .cyan)
    static let heading3 = TextStyle(bold: true)
    static let emphasis = TextStyle(italic: true)
    static let strong = TextStyle(bold: true)
    static let inlineCode = TextStyle(foreground: .yellow)
    static let link = TextStyle(underline: true, foreground: .blue)
    static let linkTarget = TextStyle(dim: true)
    static let math = TextStyle(italic: true, foreground: .green)
    static let rule = TextStyle(dim: true)
    static let quoteBar = TextStyle(foreground: .brightBlack)
    static let listMarker = TextStyle(foreground: .cyan)
    static let codeFrame = TextStyle(dim: true)
    static let runStep = TextStyle(bold: true, foreground: .green)
    static let tableHeader = TextStyle(bold: true)
    static let tableBorder = TextStyle(dim: true)
    static let muted = TextStyle(dim: true)
    static let warning = TextStyle(bold: true, foreground: .yellow)
}
