import Course

/// The command line before the argument parser sees it: options meant for the whole program
/// that were typed before the subcommand, and a first word that names no subcommand.
///
/// `llmcourse --lang zh-TW list` is what people type; the parser only knows `--lang` as an
/// option of each subcommand, so it is moved after the subcommand. `llmcourse raed` would
/// otherwise be read as an argument of the default command (`status`) and answered with that
/// command's usage; it gets the nearest command's name instead.
///
/// ```swift
/// let line = CommandLineArguments(["--lang", "zh-TW", "list"], subcommands: ["list", "read"])
/// line.arguments        // ["list", "--lang", "zh-TW"]
/// line.unknownCommand   // nil
/// ```
public struct CommandLineArguments: Equatable, Sendable {
    /// Options that may come before the subcommand, each with a value.
    public static let leadingOptions = ["--lang", "--course"]

    public private(set) var arguments: [String]
    /// The first word when it is neither an option nor a subcommand.
    public private(set) var unknownCommand: String?
    /// The value of `--lang` wherever it was given (the last one wins, as in the parser).
    public private(set) var language: String?

    public init(_ raw: [String], subcommands: [String]) {
        var leading: [String] = []
        var rest = raw[...]
        // Options with their values before the first word that is not an option.
        while let first = rest.first, first.hasPrefix("-") {
            let name = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            guard Self.leadingOptions.contains(name) else { break }
            leading.append(first)
            rest = rest.dropFirst()
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest = rest.dropFirst()
            }
        }
        if let command = rest.first, !command.hasPrefix("-"), command != "help", !subcommands.contains(command) {
            unknownCommand = command
        }
        if leading.isEmpty || rest.isEmpty {
            // `llmcourse --lang zh-TW` alone: the default command gets the options.
            arguments = rest.isEmpty ? leading : Array(rest)
        } else {
            arguments = [rest.first!] + leading + rest.dropFirst()
        }
        language = Self.value(of: "--lang", in: arguments)
    }

    /// The value of `option` (`--x v` or `--x=v`, the last one), before any `--`.
    public static func value(of option: String, in arguments: [String]) -> String? {
        var found: String?
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--" { break }
            if arguments[i] == option, i + 1 < arguments.count { found = arguments[i + 1]; i += 1 }
            else if arguments[i].hasPrefix(option + "=") { found = String(arguments[i].dropFirst(option.count + 1)) }
            i += 1
        }
        return found
    }

    /// The subcommands closest to `word` by edit distance (at most two edits, or a shared
    /// start), nearest first.
    public static func suggestions(for word: String, among names: [String]) -> [String] {
        let scored = names.map { ($0, editDistance(word.lowercased(), $0)) }
        let close = scored.filter { $0.1 <= max(1, min(2, word.count / 3)) || (word.count >= 3 && $0.0.hasPrefix(word.lowercased())) }
        return close.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Levenshtein distance, with a swap of two neighbors counted as one edit ("raed" → "read").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
