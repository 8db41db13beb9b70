import Foundation

/// A compiled grammar for constrained generation: a regex (given, or derived from a JSON
/// schema) as an NFA over UTF-8 bytes and the lazily built DFA that decoders walk.
///
/// ```swift
/// let output = try StructuredOutput.jsonSchema(#"{"type":"object","properties":{"n":{"type":"integer"}},"required":["n"]}"#)
/// output.pattern                       // \{"n":-?(0|[1-9][0-9]{0,14})\}
/// let seq = ConstrainedSequence(output, tokenBytes: tokenizer.tokenBytes(), endToken: eos)
/// seq.mask(&scores)                    // -inf on every token that would break the pattern
/// ```
public struct StructuredOutput: Sendable {
    /// The regular expression every output matches in full.
    public let pattern: String
    public let dfa: LazyDFA
    /// The longest match in bytes (nil when unbounded, as with `*`).
    public let maxMatchBytes: Int?
    let indexes: TokenIndexCache

    public static func jsonSchema(_ json: String) throws(StructuredOutputError) -> StructuredOutput {
        let schema: OrderedJSON
        do { schema = try OrderedJSON.parse(json) } catch { throw StructuredOutputError("the schema is not valid JSON: \(error.description)") }
        return try regex(try JSONSchemaRegex.regex(schema))
    }

    public static func regex(_ pattern: String) throws(StructuredOutputError) -> StructuredOutput {
        let node = try RegexParser.parse(pattern)
        return StructuredOutput(pattern: pattern, node: node)
    }

    init(pattern: String, node: RegexNode) {
        self.pattern = pattern
        self.dfa = LazyDFA(ByteNFA(node))
        self.maxMatchBytes = StructuredOutput.maxBytes(node)
        self.indexes = TokenIndexCache()
    }

    /// Whether the whole of `text` matches the pattern.
    public func matches(_ text: String) -> Bool { dfa.matches(text.utf8) }

    /// The token index for a vocabulary: built once, then shared by every sequence using it.
    public func tokenIndex(tokenBytes: [[UInt8]], endToken: Int) -> TokenIndex {
        indexes.index(for: Vocabulary(tokenBytes: tokenBytes, endToken: endToken), dfa: dfa)
    }

    /// The most bytes any match of `node` can have: every token is at least one byte, so a
    /// generation of `maxMatchBytes + 1` tokens (the last one ending it) always completes.
    static func maxBytes(_ node: RegexNode) -> Int? {
        switch node {
        case .empty: return 0
        case .scalars(let set): return UTF8Ranges.sequences(set).map(\.count).max() ?? 0
        case .concat(let items):
            var total = 0
            for i in items { guard let n = maxBytes(i) else { return nil }; total += n }
            return total
        case .alternation(let branches):
            var best = 0
            for b in branches { guard let n = maxBytes(b) else { return nil }; best = max(best, n) }
            return best
        case .repetition(let body, _, let hi):
            guard let hi, let n = maxBytes(body) else { return nil }
            return n * hi
        }
    }
}

/// The token strings of a model and the id that ends generation.
struct Vocabulary: Hashable {
    let tokenBytes: [[UInt8]]
    let endToken: Int
}

/// Token indexes by vocabulary, so many sequences (a server's concurrent requests) share one.
final class TokenIndexCache: @unchecked Sendable {
    private var indexes: [Vocabulary: TokenIndex] = [:]
    private let lock = NSLock()

    func index(for vocabulary: Vocabulary, dfa: LazyDFA) -> TokenIndex {
        lock.lock(); defer { lock.unlock() }
        if let found = indexes[vocabulary] { return found }
        let made = TokenIndex(dfa: dfa, tokenBytes: vocabulary.tokenBytes, endToken: vocabulary.endToken)
        indexes[vocabulary] = made
        return made
    }
}
