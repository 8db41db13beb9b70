import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole strings painted in one style each, for messages and summaries (verdicts, lists,
/// status lines): color on a terminal, plain text when piped, with `NO_COLOR` or `TERM=dumb`,
/// and the width to fit lines to. The lesson renderer, which styles runs inside a line, uses
/// ``TextStyle`` and ``ANSI`` directly; both end in the same escape codes.
///
/// ```swift
/// let palette = Palette.forStandardOutput()
/// print(palette.green("✓ passed") + " " + palette.dim("(0.6 s)"))
/// ```
public struct Palette: Sendable {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int = 80) {
        self.color = color
        self.width = max(40, width)
    }

    /// Color only for a terminal on standard output without `NO_COLOR` and not `TERM=dumb`;
    /// the width from `COLUMNS` or the terminal (80 otherwise).
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Palette {
        let tty = isatty(STDOUT_FILENO) == 1
        let color = tty && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        // Unlike the lesson renderer's environment, no cap at 100 columns: verdict lines use the width.
        let columns = Int(environment["COLUMNS"] ?? "").flatMap { $0 > 0 ? $0 : nil }
        let width = columns ?? (tty ? TerminalEnvironment.terminalColumns() : nil) ?? 80
        return Palette(color: color, width: width)
    }

    public func red(_ s: String) -> String { paint(s, TextStyle(foreground: .red)) }
    public func green(_ s: String) -> String { paint(s, TextStyle(foreground: .green)) }
    public func yellow(_ s: String) -> String { paint(s, TextStyle(foreground: .yellow)) }
    public func bold(_ s: String) -> String { paint(s, TextStyle(bold: true)) }
    public func dim(_ s: String) -> String { paint(s, TextStyle(dim: true)) }

    private func paint(_ s: String, _ style: TextStyle) -> String {
        color ? ANSI.sgr(style) + s + ANSI.reset : s
    }

    /// `s` cut to fit `columns` terminal columns (wide East Asian characters count two).
    public func fit(_ s: String, columns: Int) -> String {
        var used = 0
        var out = ""
        for character in s {
            let w = DisplayWidth.of(character)
            if used + w > columns - 1 && used + w > 0 { return out + "…" }
            used += w
            out.append(character)
        }
        return out
    }

    /// Terminal columns `s` takes, for aligning columns.
    public static func columns(of s: String) -> Int { DisplayWidth.of(s) }

    /// `s` followed by spaces up to `width` columns.
    public static func pad(_ s: String, to width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - columns(of: s)))
    }
}
