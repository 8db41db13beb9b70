import Foundation
import NeuralNets
import Transformers

/// Everything the `pretrain` demo decides before the first step: the generated corpus, the
/// tokenizer, the model's shape and the optimizer's settings, for the full run and the quick one.
///
/// The full recipe is the one measured in the lesson: a 2-layer GPT-2 (4 heads, width 64)
/// trained for 3,000 steps of 16 windows × 48 tokens on two-digit sums.
///
/// ```swift
/// let recipe = PretrainRecipe(seed: 42, quick: false)
/// let data = try recipe.prepareData()
/// let model = GPT2Model(config: recipe.config(vocabularySize: data.tokenizer.vocabularySize), seed: recipe.modelSeed)
/// ```
struct PretrainRecipe: Sendable {
    let seed: UInt64
    let quick: Bool

    /// Zero-padded two-digit sums, answers written least significant digit first (`07+85=290`
    /// is 7 + 85 = 92), mixed with one sentence in ten.
    let corpus = AdditionCorpus(maximumOperand: 99, sentenceShare: 0.1, reversesAnswers: true, padsNumbers: true)

    var trainingLines: Int { quick ? 3_000 : 40_000 }
    var validationLines: Int { quick ? 300 : 2_000 }
    var heldOutCount: Int { quick ? 20 : 200 }
    /// Held-out sums checked at each progress row (the first ones of the test set).
    var progressSampleCount: Int { quick ? 5 : 50 }
    var vocabularySize: Int { 300 }
    var steps: Int { quick ? 24 : 3_000 }
    /// Rows of the progress table (the loss is also recorded at every step).
    var reports: Int { quick ? 3 : 10 }
    /// Validation windows per progress row, and for the final number.
    var validationWindows: (progress: Int, final: Int) { quick ? (2, 4) : (8, 64) }

    var corpusSeed: UInt64 { seed }
    var validationSeed: UInt64 { seed &+ 1 }
    var modelSeed: UInt64 { seed &+ 2 }
    var batchSeed: UInt64 { seed &+ 3 }
    var heldOutSeed: UInt64 { seed &+ 4 }

    var settings: PreTrainer.Settings {
        PreTrainer.Settings(steps: steps, batchSize: quick ? 8 : 16, windowLength: 48, peakLearningRate: 3e-3,
                            warmupSteps: quick ? 4 : 100, weightDecay: 0.01, gradientClip: 1, seed: batchSeed)
    }

    /// The schedule `PreTrainer` follows: linear warm-up to the peak, cosine decay to a tenth of it.
    var schedule: WarmupCosineSchedule {
        WarmupCosineSchedule(peak: settings.peakLearningRate, warmupSteps: settings.warmupSteps,
                             totalSteps: settings.steps, floor: settings.peakLearningRate / 10)
    }

    /// 2 layers, 4 heads of 16 dimensions, width 64, context 64.
    func config(vocabularySize: Int) -> GPT2Config {
        GPT2Config(vocabularySize: vocabularySize, contextLength: 64, embeddingSize: 64, layerCount: 2, headCount: 4)
    }

    /// The tokenized corpus: training stream, validation stream, held-out sums.
    struct Data {
        let text: String
        let tokenizer: BytePairTokenizer
        let trainingTokens: [Int]
        let validationTokens: [Int]
        let heldOut: [(Int, Int)]
    }

    /// Generates the corpus, trains the byte-level BPE tokenizer on it (digits stay single
    /// tokens) and encodes everything.
    func prepareData() throws -> Data {
        let text = corpus.text(lines: trainingLines, seed: corpusSeed)
        let tokenizer = try BytePairTrainer.train(text: text, vocabularySize: vocabularySize,
                                                  preTokenizer: PreTokenizer(individualDigits: true))
        let validation = corpus.text(lines: validationLines, seed: validationSeed)
        return Data(text: text, tokenizer: tokenizer, trainingTokens: tokenizer.encode(text),
                    validationTokens: tokenizer.encode(validation),
                    heldOut: corpus.heldOutProblems(count: heldOutCount, seed: heldOutSeed))
    }

    /// Where the checkpoint goes: `$LLMCOURSE_PRETRAIN_DIR` when set, else `pretrained-addition-<seed>`
    /// in `$LLMCOURSE_STATE_DIR`, else in the system's temporary folder.
    func checkpointFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let named = environment["LLMCOURSE_PRETRAIN_DIR"], !named.isEmpty {
            return URL(fileURLWithPath: named, isDirectory: true)
        }
        let name = "pretrained-addition-\(seed)" + (quick ? "-quick" : "")
        if let state = environment["LLMCOURSE_STATE_DIR"], !state.isEmpty {
            return URL(fileURLWithPath: state, isDirectory: true).appendingPathComponent(name, isDirectory: true)
        }
        return FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-" + name, isDirectory: true)
    }
}
