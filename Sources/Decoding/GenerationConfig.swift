/// How to generate: when to stop and how to pick each token (Hugging Face's `GenerationConfig`
/// fields, in Swift spelling).
///
/// ```swift
/// var config = GenerationConfig(maxNewTokens: 40, endOfSequence: [0])
/// config.sampling = true
/// config.temperature = 0.8
/// config.topP = 0.9
/// config.stopStrings = ["\n"]
/// ```
public struct GenerationConfig: Sendable {
    /// At most this many tokens after the prompt.
    public var maxNewTokens: Int
    /// Token ids that end a sequence (kept in the output, as transformers keeps them).
    public var endOfSequence: Set<Int>
    /// Generation stops once the decoded new text contains one of these (needs a decoder).
    public var stopStrings: [String]
    /// `false`: take the most likely token (greedy). `true`: draw from the processed distribution.
    public var sampling: Bool
    public var temperature: Float?
    public var topK: Int?
    public var topP: Float?
    public var minP: Float?
    public var repetitionPenalty: Float?
    /// Seed of the sampler's random generator; the same seed gives the same tokens.
    public var seed: UInt64

    public init(maxNewTokens: Int = 32, endOfSequence: Set<Int> = [], stopStrings: [String] = [],
                sampling: Bool = false, temperature: Float? = nil, topK: Int? = nil, topP: Float? = nil,
                minP: Float? = nil, repetitionPenalty: Float? = nil, seed: UInt64 = 0) {
        self.maxNewTokens = maxNewTokens
        self.endOfSequence = endOfSequence
        self.stopStrings = stopStrings
        self.sampling = sampling
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.minP = minP
        self.repetitionPenalty = repetitionPenalty
        self.seed = seed
    }

    /// The special tokens that end a sequence in the model families the course loads:
    /// GPT-2's `<|endoftext|>`, Llama's `</s>`, ChatML's `<|im_end|>`.
    public static let endOfSequenceNames = ["<|endoftext|>", "</s>", "<|im_end|>"]

    /// The configuration a command line asks for: greedy unless a sampling option is given
    /// (`temperature`, `topK`, `topP` or `minP`); the sequence ends at whichever of
    /// ``endOfSequenceNames`` the tokenizer has.
    public static func requested(maxNewTokens: Int, specialTokens: [String: Int], stopStrings: [String] = [],
                                 temperature: Float? = nil, topK: Int? = nil, topP: Float? = nil, minP: Float? = nil,
                                 repetitionPenalty: Float? = nil, seed: UInt64 = 0) -> GenerationConfig {
        GenerationConfig(maxNewTokens: maxNewTokens, endOfSequence: Set(endOfSequenceNames.compactMap { specialTokens[$0] }),
                         stopStrings: stopStrings, sampling: temperature != nil || topK != nil || topP != nil || minP != nil,
                         temperature: temperature, topK: topK, topP: topP, minP: minP,
                         repetitionPenalty: repetitionPenalty, seed: seed)
    }

    /// The processors in transformers' order: the repetition penalty always (it changes greedy
    /// choices too), then — only when sampling — temperature, top-k, top-p, min-p.
    /// Values that change nothing (`T = 1`, `p = 1`, penalty 1) are left out, as transformers does.
    public var pipeline: LogitsPipeline {
        var list: [any LogitsProcessor] = []
        if let r = repetitionPenalty, r != 1 { list.append(RepetitionPenalty(r)) }
        if sampling {
            if let t = temperature, t != 1 { list.append(Temperature(t)) }
            if let k = topK, k > 0 { list.append(TopK(k)) }
            if let p = topP, p < 1 { list.append(TopP(p)) }
            if let m = minP, m > 0 { list.append(MinP(m)) }
        }
        return LogitsPipeline(list)
    }
}

/// Why generation ended.
public enum StopReason: Equatable, Sendable {
    case maxNewTokens
    case endOfSequence(Int)
    case stopString(String)
    /// The model's context length was reached.
    case contextFull
}

/// A finished generation.
public struct Generation: Sendable {
    /// Prompt followed by the new tokens.
    public let tokens: [Int]
    public let promptLength: Int
    public let stopReason: StopReason

    public var newTokens: [Int] { Array(tokens[promptLength...]) }
}
