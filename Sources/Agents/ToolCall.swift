import Foundation

/// One tool call as the model writes it on an `Action:` line: `Action: calc[17*3+4]`.
///
/// The grammar is deliberately tiny, so a character-level model can learn it and a parser can
/// check it exactly:
///
/// ```
/// action   = "Action: " name "[" argument "]"
/// name     = lower-case letter { lower-case letter | digit | "_" }
/// argument = one or more characters, none of them "[", "]" or a newline
/// ```
///
/// Square brackets rather than JSON keep the call short (a few tokens of overhead) and leave
/// no quoting or escaping for the model to get wrong.
public struct ToolCall: Sendable, Equatable, Codable, CustomStringConvertible {
    public var tool: String
    public var argument: String

    public init(tool: String, argument: String) {
        self.tool = tool
        self.argument = argument
    }

    /// The call as an `Action:` line (without the newline).
    public var description: String { "\(ReAct.action)\(tool)[\(argument)]" }
}

/// Why an `Action:` line is not a valid call. Each case names what the parser expected, so a
/// trace (or a model reading the error as its observation) sees exactly what went wrong.
public enum ToolCallError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The line does not start with `Action: `.
    case notAnAction
    /// Nothing, or not a valid name, before the `[`.
    case missingToolName
    /// The name is not followed by `[` (e.g. `calc 3+4` or `calc(3+4)`).
    case missingOpenBracket(tool: String)
    /// The `[` is never closed.
    case missingCloseBracket
    /// `calc[]`: nothing between the brackets.
    case emptyArgument
    /// A `[` inside the argument (`calc[[3]]`): calls do not nest.
    case nestedBracket
    /// Characters after the closing `]`.
    case trailingText(String)
    /// A well-formed call to a tool the toolbox does not have.
    case unknownTool(String, known: [String])

    public var description: String {
        switch self {
        case .notAnAction: return "the line does not start with \"\(ReAct.action)\""
        case .missingToolName: return "no tool name before \"[\""
        case .missingOpenBracket(let tool): return "\"[\" expected after the tool name \"\(tool)\""
        case .missingCloseBracket: return "the argument is not closed with \"]\""
        case .emptyArgument: return "the argument is empty"
        case .nestedBracket: return "\"[\" inside the argument: calls do not nest"
        case .trailingText(let text): return "text after \"]\": \"\(text)\""
        case .unknownTool(let name, let known): return "unknown tool \"\(name)\" (known: \(known.joined(separator: ", ")))"
        }
    }
}

extension ToolCall {
    // ANCHOR: parse
    /// Parses one `Action:` line (a trailing newline or spaces are ignored) and checks the tool
    /// name against `known` when given.
    ///
    /// The scan goes left to right once: prefix, name, `[`, argument up to `]`, end of line.
    /// Every way to fail is a different ``ToolCallError``.
    public static func parse(_ line: String, known: [String]? = nil) -> Result<ToolCall, ToolCallError> {
        var rest = Substring(line.trimmingTrailingWhitespace())
        guard rest.hasPrefix(ReAct.action) else { return .failure(.notAnAction) }
        rest = rest.dropFirst(ReAct.action.count)
        let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard let first = name.first, first.isLetter, first.isLowercase else { return .failure(.missingToolName) }
        rest = rest.dropFirst(name.count)
        guard rest.first == "[" else { return .failure(.missingOpenBracket(tool: String(name))) }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(where: { $0 == "]" || $0 == "[" }) else { return .failure(.missingCloseBracket) }
        guard rest[close] == "]" else { return .failure(.nestedBracket) }
        let argument = rest[..<close]
        let after = rest[rest.index(after: close)...]
        guard after.isEmpty else { return .failure(.trailingText(String(after))) }
        guard !argument.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(.emptyArgument) }
        if let known, !known.contains(String(name)) { return .failure(.unknownTool(String(name), known: known)) }
        return .success(ToolCall(tool: String(name), argument: String(argument)))
    }
    // ANCHOR_END: parse
}

extension String {
    /// The string without spaces, tabs and newlines at its end.
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
