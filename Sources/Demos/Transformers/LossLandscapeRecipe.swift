import Foundation
import Autograd
import Tensors
import NeuralNets
import Transformers

/// What the `loss-landscape` demo trains and measures: the data (the sums of `pretrain`), the
/// model, the two batch sizes, the grid and the radii, for the full run and the quick one.
struct LossLandscapeRecipe: Sendable {
    let seed: UInt64
    let quick: Bool

    let corpus = AdditionCorpus(maximumOperand: 99, sentenceShare: 0.1, reversesAnswers: true, padsNumbers: true)
    var trainingLines: Int { quick ? 1_500 : 12_000 }
    /// Both runs see the same number of windows (Keskar et al.'s comparison at equal epochs):
    /// the small batch takes 16 times as many steps.
    var batches: (small: Int, large: Int) { quick ? (2, 8) : (4, 64) }
    var largeBatchSteps: Int { quick ? 6 : 100 }
    var smallBatchSteps: Int { largeBatchSteps * batches.large / batches.small }
    var windowLength: Int { quick ? 16 : 32 }
    var peakLearningRate: Float { 3e-3 }
    /// Windows in the fixed training and held-out evaluation sets.
    var evaluationWindows: Int { quick ? 4 : 16 }
    var directionSeeds: (UInt64, UInt64) { (seed &+ 10, seed &+ 11) }
    var modelSeed: UInt64 { seed &+ 2 }

    /// α for the 1-D slice, β = α for the grid (odd counts, 0 in the middle).
    var sliceAlphas: [Double] { Self.steps(from: -0.5, to: 0.5, count: quick ? 5 : 21) }
    var gridSteps: [Double] { Self.steps(from: -0.5, to: 0.5, count: quick ? 5 : 15) }
    var radii: (Double, Double) { (0.1, 0.25) }
    /// Contour levels of the loss rise, shared by both maps.
    var levels: [Double] { [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] }

    static func steps(from a: Double, to b: Double, count: Int) -> [Double] {
        (0..<count).map { a + (b - a) * Double($0) / Double(count - 1) }
    }

    func config(vocabularySize: Int) -> GPT2Config {
        quick ? GPT2Config(vocabularySize: vocabularySize, contextLength: 16, embeddingSize: 16, layerCount: 1, headCount: 2)
              : GPT2Config(vocabularySize: vocabularySize, contextLength: 32, embeddingSize: 32, layerCount: 2, headCount: 4)
    }

    struct Data {
        let trainingTokens: [Int]
        let validationTokens: [Int]
        let vocabularySize: Int
    }

    func prepareData() throws -> Data {
        let text = corpus.text(lines: trainingLines, seed: seed)
        let tokenizer = try BytePairTrainer.train(text: text, vocabularySize: 300, preTokenizer: PreTokenizer(individualDigits: true))
        return Data(trainingTokens: tokenizer.encode(text), validationTokens: tokenizer.encode(corpus.text(lines: 600, seed: seed &+ 1)),
                    vocabularySize: tokenizer.vocabularySize)
    }

    struct Solution: Sendable {
        let name: String
        let batchSize: Int
        let steps: Int
    }

    var solutions: [Solution] { [Solution(name: "small batch", batchSize: batches.small, steps: smallBatchSteps),
                                       Solution(name: "large batch", batchSize: batches.large, steps: largeBatchSteps)] }

    /// A trained model with its landscape on the held-out windows.
    struct Trained {
        let solution: Solution
        let model: GPT2Model
        let landscape: LossLandscape
        let trainLoss: Double
        let heldOutLoss: Double
        let seconds: Double

        func directions(_ recipe: LossLandscapeRecipe) -> (FilterNormalizedDirection, FilterNormalizedDirection) {
            (FilterNormalizedDirection(landscape.parameters, seed: recipe.directionSeeds.0),
             FilterNormalizedDirection(landscape.parameters, seed: recipe.directionSeeds.1))
        }
    }

    func train(_ solution: Solution, data: Data) -> Trained {
        let model = GPT2Model(config: config(vocabularySize: data.vocabularySize), seed: modelSeed)
        let settings = PreTrainer.Settings(steps: solution.steps, batchSize: solution.batchSize, windowLength: windowLength,
                                           peakLearningRate: peakLearningRate, warmupSteps: solution.steps / 10, weightDecay: 0.01,
                                           gradientClip: 1, seed: seed &+ 3)
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: settings)
        let start = Date()
        for _ in 0..<solution.steps { trainer.step() }
        let seconds = Date().timeIntervalSince(start)
        model.setTraining(false)
        let loss = { (tokens: [Int]) in Self.batchLoss(model, tokens, windows: evaluationWindows, length: windowLength) }
        let heldOut = data.validationTokens
        let landscape = LossLandscape(parameters: model.trainableParameters()) { loss(heldOut) }
        return Trained(solution: solution, model: model, landscape: landscape, trainLoss: loss(data.trainingTokens),
                       heldOutLoss: loss(heldOut), seconds: seconds)
    }

    /// Mean next-token loss over the first `windows` consecutive windows of `tokens`, in one batch.
    static func batchLoss(_ model: GPT2Model, _ tokens: [Int], windows: Int, length: Int) -> Double {
        var inputs: [Int] = [], targets: [Int] = []
        for w in 0..<windows {
            inputs += tokens[(w * length)..<((w + 1) * length)]
            targets += tokens[(w * length + 1)...((w + 1) * length)]
        }
        return withNoGrad { Double(crossEntropy(model.logits(inputs, batchSize: windows, cache: nil), targets: targets).value.scalar) }
    }
}
