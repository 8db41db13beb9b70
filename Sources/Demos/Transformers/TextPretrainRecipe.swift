import Foundation
import NeuralNets
import Transformers

/// Everything the `pretrain-text` demo decides before the first step: the course's lessons as
/// text, the character vocabulary, the model's shape and the optimizer's settings, for the full
/// run and the quick one.
///
/// The full recipe is the one measured in the pre-training lesson: a 2-layer GPT-2 (4 heads,
/// width 64, a context of 64 characters) trained for 1,200 steps of 16 windows × 64 characters
/// on the lessons outside ``CourseTextCorpus/heldOutLessons``.
struct TextPretrainRecipe: Sendable {
    let seed: UInt64
    let quick: Bool

    /// The course checkout this demo was built from: the lessons are read from its `Lessons/`.
    static let courseRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A character needs this many occurrences in the training text to get a token of its own.
    var minimumCount: Int { 3 }
    var steps: Int { quick ? 16 : 1_200 }
    var windowLength: Int { quick ? 32 : 64 }
    /// Rows of the progress table (the loss is also recorded at every step).
    var reports: Int { quick ? 2 : 6 }
    /// Progress rows after which the model writes its samples (1-based).
    var sampleRows: Set<Int> { quick ? [2] : [1, 3, 6] }
    /// Characters of held-out text scored at each progress row: equal stretches from the start
    /// of each of `progressPieces` equal parts, so both lessons and both languages count.
    var progressCharacters: Int { quick ? 600 : 6_000 }
    var progressPieces: Int { quick ? 2 : 8 }

    /// The stretches of `heldOut` scored at each progress row.
    func progressPieces(_ heldOut: [Int]) -> [[Int]] {
        let part = heldOut.count / progressPieces, length = min(part, progressCharacters / progressPieces)
        return (0..<progressPieces).map { Array(heldOut[($0 * part)..<($0 * part + length)]) }
    }
    /// Characters of held-out text scored at the end: all of it in the full run.
    var finalCharacters: Int? { quick ? 1_200 : nil }
    /// Sliding-window stride of the final score: each character sees at least half a window.
    var finalStride: Int { quick ? windowLength : windowLength / 2 }
    /// New characters per sample, and the sampling temperature.
    var sampleLength: Int { quick ? 24 : 90 }
    var temperature: Float { 0.8 }
    /// The prompts the model continues at each checkpoint: English and Chinese.
    var prompts: [String] { ["The model ", "語言模型"] }

    var modelSeed: UInt64 { seed &+ 2 }
    var batchSeed: UInt64 { seed &+ 3 }
    var sampleSeed: UInt64 { seed &+ 5 }

    var settings: PreTrainer.Settings {
        PreTrainer.Settings(steps: steps, batchSize: quick ? 8 : 16, windowLength: windowLength, peakLearningRate: quick ? 1e-2 : 3e-3,
                            warmupSteps: quick ? 2 : 100, weightDecay: 0.01, gradientClip: 1, seed: batchSeed)
    }

    /// The schedule `PreTrainer` follows: linear warm-up to the peak, cosine decay to a tenth of it.
    var schedule: WarmupCosineSchedule {
        WarmupCosineSchedule(peak: settings.peakLearningRate, warmupSteps: settings.warmupSteps,
                             totalSteps: settings.steps, floor: settings.peakLearningRate / 10)
    }

    /// 2 layers, 4 heads of 16 dimensions, width 64, context 64 (32 quick).
    func config(vocabularySize: Int) -> GPT2Config {
        GPT2Config(vocabularySize: vocabularySize, contextLength: windowLength, embeddingSize: quick ? 32 : 64,
                   layerCount: 2, headCount: 4)
    }

    /// The split text, its vocabulary and both as ids.
    struct Data {
        let split: CourseTextCorpus.Split
        let vocabulary: CharacterVocabulary
        let trainingTokens: [Int]
        let heldOutTokens: [Int]
    }

    /// Reads and splits the lessons, builds the vocabulary from the training text, encodes both.
    func prepareData(courseRoot: URL = Self.courseRoot) throws -> Data {
        let split = try CourseTextCorpus.split(courseRoot: courseRoot)
        let vocabulary = CharacterVocabulary(text: split.train, minimumCount: minimumCount)
        return Data(split: split, vocabulary: vocabulary, trainingTokens: vocabulary.encode(split.train),
                    heldOutTokens: vocabulary.encode(split.heldOut))
    }
}
