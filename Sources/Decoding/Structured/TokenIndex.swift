import Foundation

// ANCHOR: token-index
/// For each DFA state, the tokens whose whole byte string keeps the text matchable.
///
/// A token is allowed in state `s` when walking its bytes from `s` does not reach the dead
/// state. One pass over the vocabulary per new state, cached, so a 49k vocabulary costs
/// 49k short walks the first time a state is met and nothing afterwards. Tokens with no
/// bytes (special tokens) are never allowed; the end token is allowed only in accepting
/// states, which ``ConstrainedSequence`` decides.
public final class TokenIndex: @unchecked Sendable {
    public let dfa: LazyDFA
    public let tokenBytes: [[UInt8]]
    public let endToken: Int
    private var allowedByState: [Int32: [Int32]] = [:]
    private let lock = NSLock()

    public init(dfa: LazyDFA, tokenBytes: [[UInt8]], endToken: Int) {
        self.dfa = dfa
        self.tokenBytes = tokenBytes
        self.endToken = endToken
    }

    /// The sorted ids of the tokens that may follow in `state` (the end token not included).
    public func allowedTokens(in state: Int32) -> [Int32] {
        lock.lock()
        if let cached = allowedByState[state] { lock.unlock(); return cached }
        lock.unlock()
        var allowed: [Int32] = []
        for (id, bytes) in tokenBytes.enumerated() where id != endToken && !bytes.isEmpty {
            if dfa.walk(state, bytes) != LazyDFA.dead { allowed.append(Int32(id)) }
        }
        lock.lock(); allowedByState[state] = allowed; lock.unlock()
        return allowed
    }

    /// States whose masks have been computed.
    public var cachedStates: Int { lock.lock(); defer { lock.unlock() }; return allowedByState.count }
}
// ANCHOR_END: token-index

/// One sequence being constrained: where it is in the DFA, and the mask for its next token.
///
/// ```swift
/// let seq = ConstrainedSequence(output, tokenBytes: vocabulary, endToken: eos)
/// while !seq.isFinished {
///     var scores = model.nextTokenLogits(input, cache: cache).last!
///     seq.mask(&scores)
///     let next = Probabilities.argmax(scores)
///     if next == eos { break }
///     seq.advance(token: next)
/// }
/// ```
public final class ConstrainedSequence {
    public let index: TokenIndex
    /// The DFA state of the text so far (``LazyDFA/dead`` after a token the mask forbade).
    public private(set) var state: Int32

    /// `tokenBytes[i]`: the bytes token `i` decodes to (empty for special tokens other than
    /// the end); `endToken`: the id that ends generation.
    public init(_ output: StructuredOutput, tokenBytes: [[UInt8]], endToken: Int) {
        index = output.tokenIndex(tokenBytes: tokenBytes, endToken: endToken)
        state = output.dfa.start
    }

    /// A sequence sharing an index built before.
    public init(index: TokenIndex) {
        self.index = index
        state = index.dfa.start
    }

    // ANCHOR: mask
    /// Sets every token that cannot continue the text to `-inf`; the end token keeps its
    /// score only when the text so far is a complete match.
    public func mask(_ scores: inout [Float]) {
        var masked = [Float](repeating: -.infinity, count: scores.count)
        if state != LazyDFA.dead {
            for id in index.allowedTokens(in: state) where Int(id) < scores.count { masked[Int(id)] = scores[Int(id)] }
        }
        if isComplete, index.endToken < scores.count { masked[index.endToken] = scores[index.endToken] }
        scores = masked
    }
    // ANCHOR_END: mask

    /// Moves past the chosen token (the end token changes nothing).
    public func advance(token: Int) {
        guard token != index.endToken else { return }
        state = token >= 0 && token < index.tokenBytes.count && !index.tokenBytes[token].isEmpty
            ? index.dfa.walk(state, index.tokenBytes[token]) : LazyDFA.dead
    }

    /// The text so far is a full match.
    public var isComplete: Bool { index.dfa.isAccepting(state) }

    /// No token but the end can follow (a complete match that cannot grow).
    public var isFinished: Bool { isComplete && index.allowedTokens(in: state).isEmpty }
}
