import Foundation

/// An n-gram language model: the probability of the next token given the previous n − 1,
/// estimated from counts and smoothed by ``NGramSmoothing`` (add-k or interpolated Kneser-Ney).
///
///   P(x₁ … x_T) = Π_t P(x_t | x_{t−n+1} … x_{t−1})
///   perplexity = exp(−(1/T) Σ_t ln P(x_t | x_{t−n+1} … x_{t−1}))
///
/// Conventions, so that another model can be compared on exactly the same footing:
/// - Every sequence passed to ``train(tokens:)`` or ``perplexity(tokens:)`` is one document:
///   it starts after n − 1 boundary tokens, so its first token is predicted from "start of
///   document" and later tokens from the real history. The boundary is never predicted.
/// - The vocabulary is every token seen in training plus one *unknown* token that stands for
///   all others; V = ``vocabulary``.count + 1. A held-out token never seen in training is
///   scored as the unknown token (add-k and Kneser-Ney both give it a probability above 0).
/// - Logarithms are natural; ``perplexity(tokens:)`` averages over every token of the sequence.
///
/// ```swift
/// var model = NGramLanguageModel<Character>(order: 3, smoothing: .interpolatedKneserNey(discount: 0.75))
/// model.train(text: "the cat sat on the mat")
/// let p = model.probability(of: "a", after: Array("th"))   // P(a | t h)
/// let ppl = model.perplexity(text: "the rat sat")        // per character
/// ```
public struct NGramLanguageModel<Token: Hashable> {
    /// n: the model conditions on n − 1 previous tokens (1 ≤ n ≤ 8).
    public let order: Int
    public let smoothing: NGramSmoothing
    /// The tokens seen in training, in order of first appearance (the unknown token excluded).
    public private(set) var vocabulary: [Token] = []
    var ids: [Token: Int] = [:]
    /// Raw counts of full n-grams: context of n − 1 token ids (packed) → next id → count.
    var counts: [UInt128: [Int: Double]] = [:]
    /// The tables probabilities are read from, by context length 0 … n − 1 (see ``rebuild()``).
    var tables: [[UInt128: Followers]] = []

    /// Token ids: 0 is the document boundary, 1 the unknown token, 2… the vocabulary.
    static var boundary: Int { 0 }
    static var unknown: Int { 1 }
    static var bits: Int { 16 }

    struct Followers {
        var counts: [Int: Double] = [:]
        var total = 0.0
    }

    public init(order: Int, smoothing: NGramSmoothing) {
        precondition((1...8).contains(order), "order must be between 1 and 8")
        if case .addK(let k) = smoothing { precondition(k > 0, "add-k needs k > 0") }
        if case .interpolatedKneserNey(let d) = smoothing { precondition(d > 0 && d < 1, "the Kneser-Ney discount must lie in (0, 1)") }
        self.order = order
        self.smoothing = smoothing
        tables = Array(repeating: [:], count: order)
    }

    /// V: the vocabulary size including the unknown token.
    public var vocabularySize: Int { vocabulary.count + 1 }

    /// The number of distinct contexts of length n − 1 seen in training.
    public var contextCount: Int { counts.count }

    func id(_ token: Token) -> Int { ids[token] ?? Self.unknown }

    /// The last `length` ids of a packed context (the oldest tokens sit in the high bits).
    static func suffix(_ context: UInt128, length: Int) -> UInt128 {
        length == 0 ? 0 : context & ((UInt128(1) << UInt128(bits * length)) - 1)
    }

    /// Appends `id` and keeps the last `length` ids.
    static func push(_ context: UInt128, _ id: Int, length: Int) -> UInt128 {
        suffix((context << UInt128(bits)) | UInt128(id), length: length)
    }

    /// The same counts under another smoothing: comparing methods needs one pass over the text.
    public func smoothed(_ smoothing: NGramSmoothing) -> NGramLanguageModel {
        var copy = NGramLanguageModel(order: order, smoothing: smoothing)
        (copy.vocabulary, copy.ids, copy.counts) = (vocabulary, ids, counts)
        copy.rebuild()
        return copy
    }

    /// Adds one document's n-gram counts; call it once per document (counts accumulate).
    public mutating func train(tokens: [Token]) {
        let length = order - 1
        var context: UInt128 = 0   // n − 1 boundary tokens (id 0)
        for token in tokens {
            var next = ids[token] ?? 0
            if next == 0 {
                precondition(vocabulary.count + 2 < 1 << Self.bits, "vocabulary too large")
                next = vocabulary.count + 2
                ids[token] = next
                vocabulary.append(token)
            }
            counts[context, default: [:]][next, default: 0] += 1
            context = Self.push(context, next, length: length)
        }
        rebuild()
    }

    // ANCHOR: continuation-counts
    /// Builds the probability tables from the raw counts. The longest context keeps the raw
    /// counts. For Kneser-Ney, each shorter table holds continuation counts: the count of
    /// (h′, w) is the number of distinct tokens x for which the longer n-gram (x h′ w) was seen.
    mutating func rebuild() {
        tables = Array(repeating: [:], count: order)
        for (context, next) in counts {
            tables[order - 1][context] = Followers(counts: next, total: next.values.reduce(0, +))
        }
        guard case .interpolatedKneserNey = smoothing, order > 1 else { return }
        for length in stride(from: order - 2, through: 0, by: -1) {
            var shorter: [UInt128: Followers] = [:]
            for (context, followers) in tables[length + 1] {
                let dropped = Self.suffix(context, length: length)   // forget the oldest token x
                for w in followers.counts.keys {
                    // One distinct (x h′ w) seen: one more continuation for (h′ w).
                    shorter[dropped, default: Followers()].counts[w, default: 0] += 1
                    shorter[dropped]!.total += 1
                }
            }
            tables[length] = shorter
        }
    }
    // ANCHOR_END: continuation-counts

    // ANCHOR: ngram-probability
    /// P(next | context) for token ids, context packed with its newest id in the low bits.
    func probability(id w: Int, context: UInt128) -> Double {
        let V = Double(vocabularySize)
        switch smoothing {
        case .addK(let k):
            let seen = tables[order - 1][context]
            return ((seen?.counts[w] ?? 0) + k) / ((seen?.total ?? 0) + k * V)
        case .interpolatedKneserNey(let D):
            var p = 1 / V   // below the empty context: uniform over the vocabulary
            for length in 0..<order {   // from the empty context up to n − 1 tokens
                guard let seen = tables[length][Self.suffix(context, length: length)] else { continue }
                let c = seen.counts[w] ?? 0
                let backOff = D * Double(seen.counts.count) / seen.total   // D·N₁₊(h •)/c(h)
                p = max(c - D, 0) / seen.total + backOff * p
            }
            return p
        }
    }
    // ANCHOR_END: ngram-probability

    func packed(_ context: [Token]) -> UInt128 {
        // Missing history is the start of a document.
        let history = Array(context.suffix(order - 1))
        let padded = Array(repeating: Self.boundary, count: order - 1 - history.count) + history.map(id)
        return padded.reduce(UInt128(0)) { Self.push($0, $1, length: order - 1) }
    }

    /// P(token | context): `context` is the history before `token`, oldest first; only its last
    /// n − 1 tokens matter, and a shorter one means the document started just before it.
    public func probability(of token: Token, after context: [Token]) -> Double {
        probability(id: id(token), context: packed(context))
    }

    /// ln P(token | context).
    public func logProbability(of token: Token, after context: [Token]) -> Double {
        log(probability(of: token, after: context))
    }

    /// The whole next-token distribution after `context`: one probability per ``vocabulary``
    /// entry, in that order, then the unknown token's. It sums to 1.
    public func distribution(after context: [Token]) -> [Double] {
        let key = packed(context)
        return (0..<vocabularySize).map { probability(id: $0 == vocabulary.count ? Self.unknown : $0 + 2, context: key) }
    }

    /// ln P(tokens) for one document: Σ_t ln P(x_t | previous n − 1 tokens).
    public func logProbability(tokens: [Token]) -> Double {
        var context: UInt128 = 0
        var sum = 0.0
        for token in tokens {
            let w = id(token)
            sum += log(probability(id: w, context: context))
            context = Self.push(context, w, length: order - 1)
        }
        return sum
    }

    /// exp(−mean ln P) over the document's tokens: the number of equally likely choices the
    /// model is as unsure as, per token.
    public func perplexity(tokens: [Token]) -> Double {
        perplexity(documents: [tokens])
    }

    /// Perplexity over several documents together: every token weighs the same.
    public func perplexity(documents: [[Token]]) -> Double {
        let total = documents.map { logProbability(tokens: $0) }.reduce(0, +)
        let count = documents.map(\.count).reduce(0, +)
        return exp(-total / Double(max(count, 1)))
    }
}

extension NGramLanguageModel where Token == Character {
    /// Trains on `text` as one document of characters.
    public mutating func train(text: String) { train(tokens: Array(text)) }

    /// Per-character perplexity of `text` as one document.
    public func perplexity(text: String) -> Double { perplexity(tokens: Array(text)) }
}
