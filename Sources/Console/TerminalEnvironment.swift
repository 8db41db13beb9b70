#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the output stream can show, decided once per command from the environment.
///
/// - Color: only on a terminal, never with `NO_COLOR` (any non-empty value), `CLICOLOR=0` or
///   `TERM=dumb`; `FORCE_COLOR` (non-empty, not `0`) or `--color always` turns it on.
/// - Width: `COLUMNS` when set, else the terminal's size (ioctl `TIOCGWINSZ`), else 80; capped
///   at 100 columns on a terminal so prose stays comfortable to read.
/// - Hyperlinks (OSC 8): on terminals known to support them, or with `LLMCOURSE_HYPERLINKS=1`.
/// - Interactive (key prompts, raw mode): only when both stdin and stdout are terminals.
public struct TerminalEnvironment: Sendable {
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    public var isTTY: Bool
    public var isInteractive: Bool
    public var color: Bool
    public var hyperlinks: Bool
    public var width: Int

    public init(isTTY: Bool, isInteractive: Bool, color: Bool, hyperlinks: Bool, width: Int) {
        self.isTTY = isTTY
        self.isInteractive = isInteractive
        self.color = color
        self.hyperlinks = hyperlinks
        self.width = width
    }

    /// Plain text at a given width: what tests and pipes get.
    public static func plain(width: Int = 80) -> TerminalEnvironment {
        TerminalEnvironment(isTTY: false, isInteractive: false, color: false, hyperlinks: false, width: width)
    }

    public static func current(color choice: ColorChoice = .auto, environment env: [String: String] = processEnvironment()) -> TerminalEnvironment {
        let stdoutTTY = isatty(STDOUT_FILENO) == 1
        let stdinTTY = isatty(STDIN_FILENO) == 1
        return resolve(color: choice, environment: env, stdoutIsTTY: stdoutTTY, stdinIsTTY: stdinTTY,
                       terminalColumns: stdoutTTY ? terminalColumns() : nil)
    }

    /// The decision itself, separated from the system calls so it can be tested.
    public static func resolve(color choice: ColorChoice, environment env: [String: String], stdoutIsTTY: Bool,
                               stdinIsTTY: Bool, terminalColumns: Int?) -> TerminalEnvironment {
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty || env["CLICOLOR"] == "0" || env["TERM"] == "dumb"
        let forced = (env["FORCE_COLOR"].map { !$0.isEmpty && $0 != "0" }) ?? false
        let color: Bool
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto: color = forced || (stdoutIsTTY && !noColor)
        }
        var width = 80
        if let c = env["COLUMNS"].flatMap(Int.init), c > 0 {
            width = c
        } else if let c = terminalColumns, c > 0 {
            width = c
        }
        if stdoutIsTTY { width = min(width, 100) }
        let hyperlinks: Bool
        switch env["LLMCOURSE_HYPERLINKS"] {
        case "1"?: hyperlinks = true
        case "0"?: hyperlinks = false
        default: hyperlinks = color && stdoutIsTTY && supportsHyperlinks(env)
        }
        return TerminalEnvironment(isTTY: stdoutIsTTY, isInteractive: stdoutIsTTY && stdinIsTTY,
                                   color: color, hyperlinks: hyperlinks, width: max(width, 20))
    }

    /// Terminals that draw OSC 8 links; elsewhere the URL is printed next to the text.
    static func supportsHyperlinks(_ env: [String: String]) -> Bool {
        let program = env["TERM_PROGRAM"] ?? ""
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper"].contains(program) { return true }
        if let vte = env["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        let term = env["TERM"] ?? ""
        return term.contains("kitty") || term.contains("foot") || term.contains("alacritty") || term.contains("ghostty")
            || env["WT_SESSION"] != nil || env["KONSOLE_VERSION"] != nil
    }

    /// Current size of the controlling terminal, if stdout is one.
    public static func terminalColumns() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    public static func terminalRows() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    public static func processEnvironment() -> [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p = p.advanced(by: 1)
        }
        return out
    }
}
