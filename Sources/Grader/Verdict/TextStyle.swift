import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// ANSI colours when writing to a terminal, plain text otherwise or when `NO_COLOR` is set.
public struct TextStyle: Sendable {
    public var colour: Bool
    public var width: Int

    public init(colour: Bool, width: Int = 80) {
        self.colour = colour
        self.width = max(40, width)
    }

    /// Colour only for a terminal on standard output without `NO_COLOR` and not `TERM=dumb`.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TextStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        let colour = tty && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        var width = Int(environment["COLUMNS"] ?? "") ?? 0
        if width == 0, tty {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { width = Int(size.ws_col) }
        }
        return TextStyle(colour: colour, width: width == 0 ? 80 : width)
    }

    public func red(_ s: String) -> String { paint(s, "31") }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func bold(_ s: String) -> String { paint(s, "1") }
    public func dim(_ s: String) -> String { paint(s, "2") }

    private func paint(_ s: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    /// `s` cut to fit `columns` terminal columns (wide East Asian characters count two).
    public func fit(_ s: String, columns: Int) -> String {
        var used = 0
        var out = ""
        for character in s {
            let w = TextStyle.columns(of: character)
            if used + w > columns - 1 && used + w > 0 {
                return out + "…"
            }
            used += w
            out.append(character)
        }
        return out
    }

    /// Terminal columns `s` takes (wide East Asian characters count two), for aligning columns.
    public static func columns(of s: String) -> Int {
        s.reduce(0) { $0 + columns(of: $1) }
    }

    /// `s` followed by spaces up to `width` columns.
    public static func pad(_ s: String, to width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - columns(of: s)))
    }

    static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return wide ? 2 : 1
    }
}
