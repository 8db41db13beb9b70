/// When beam search may stop before `maxNewTokens` (transformers' `early_stopping`).
public enum EarlyStopping: Sendable, Equatable {
    /// `early_stopping=False` (the default): stop once every slot holds a finished sequence and
    /// the best running beam, length-normalized at its current length, cannot beat the worst of them.
    case heuristic
    /// `early_stopping=True`: stop as soon as `numBeams` sequences have finished.
    case whenFull
    /// `early_stopping="never"`: like `heuristic`, but with a positive length penalty the running
    /// beam is scored at the longest possible length — the canonical, exhaustive beam search.
    case never
}

/// Beam-search settings, with transformers' meaning for each.
public struct BeamSearchConfig: Sendable {
    /// Sequences kept at every step (`num_beams`).
    public var numBeams: Int
    public var maxNewTokens: Int
    /// A finished sequence scores `Σ log p / Lᵅ` with `L` its number of generated tokens and
    /// `α` this value (`length_penalty`): `α > 0` favors longer sequences, `α < 0` shorter ones.
    public var lengthPenalty: Double
    public var earlyStopping: EarlyStopping
    /// How many of the best finished sequences to return (`num_return_sequences` ≤ `numBeams`).
    public var numReturnSequences: Int
    public var endOfSequence: Set<Int>
    /// Applied to each beam's log-probabilities before they are added up (e.g. a repetition penalty).
    public var pipeline: LogitsPipeline

    public init(numBeams: Int, maxNewTokens: Int, lengthPenalty: Double = 1, earlyStopping: EarlyStopping = .heuristic,
                numReturnSequences: Int = 1, endOfSequence: Set<Int> = [], pipeline: LogitsPipeline = LogitsPipeline()) {
        precondition(numBeams >= 1, "BeamSearchConfig: numBeams = \(numBeams) must be at least 1")
        precondition((1...numBeams).contains(numReturnSequences),
                     "BeamSearchConfig: numReturnSequences = \(numReturnSequences) must be in 1...\(numBeams)")
        self.numBeams = numBeams
        self.maxNewTokens = maxNewTokens
        self.lengthPenalty = lengthPenalty
        self.earlyStopping = earlyStopping
        self.numReturnSequences = numReturnSequences
        self.endOfSequence = endOfSequence
        self.pipeline = pipeline
    }
}

/// One returned sequence.
public struct BeamHypothesis: Sendable, Equatable {
    /// Prompt followed by the generated tokens (an end-of-sequence token included).
    public let tokens: [Int]
    /// `Σ log p / Lᵅ`: transformers' `sequences_scores`.
    public let score: Double
    /// The sum of the generated tokens' log-probabilities.
    public let logProbability: Double
    public let generatedLength: Int
}

/// What beam search saw at each step, for drawing its tree.
public struct BeamSearchTrace: Sendable {
    public enum Fate: Sendable, Equatable {
        /// Kept as a running beam for the next step.
        case running
        /// Ended (end-of-sequence or the length limit) and entered the finished list.
        case finished
        /// Among the best candidates, but not kept.
        case pruned
    }

    public struct Candidate: Sendable {
        /// Index of the parent in the previous step's candidates, or `nil` for the prompt.
        public let parent: Int?
        public let token: Int
        /// The cumulative log-probability of the sequence ending in this token.
        public let logProbability: Double
        public let fate: Fate
    }

    /// `steps[t]`: the candidates considered at step `t` (the best `2·numBeams`).
    public var steps: [[Candidate]] = []
}
