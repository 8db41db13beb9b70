import Autograd
import Tensors
import Foundation
import NeuralNets
import Transformers

/// A recipe turned into a training run: examples tokenized and split, adapters attached to the
/// base (LoRA, or LoRA on an NF4-rounded base for QLoRA), the course's SFT loop, and the adapter
/// written in PEFT's format.
///
/// ```swift
/// let run = try FineTuneRun(recipe: recipe, model: base, examples: texts, encode: tokenizer.encode)
/// try run.prepareOutput()                 // fails now, not after training, if the folder is unwritable
/// for _ in 0..<run.steps { run.step() }
/// try run.save(report: [:])
/// ```
public final class FineTuneRun {
    public let recipe: FineTuneRecipe
    public let lora: LoRAModel
    /// QLoRA only: mean |W − dequant(NF4(W))| over the base's projections.
    public let quantizationError: Double?
    public let training: [TokenizedExample]
    public let validation: [TokenizedExample]
    /// Examples longer than `sequence_len` (or the model's context), left out.
    public let droppedTooLong: Int
    public let steps: Int
    let tuner: SupervisedFineTuner

    // ANCHOR: run
    public init(recipe: FineTuneRecipe, model: any LanguageModel, examples: [TextExample],
                encode: (String) -> [Int]) throws(RecipeError) {
        self.recipe = recipe
        let limit = min(recipe.sequenceLen ?? model.contextLength, model.contextLength)
        var tokenized: [TokenizedExample] = []
        for example in examples {
            let prompt = encode(example.prompt), response = encode(example.response)
            guard prompt.count + response.count <= limit, !response.isEmpty else { continue }
            // train_on_inputs: the prompt becomes part of what is scored.
            tokenized.append(recipe.trainOnInputs ? TokenizedExample(prompt: [], response: prompt + response)
                                                  : TokenizedExample(prompt: prompt, response: response))
        }
        droppedTooLong = examples.count - tokenized.count
        guard tokenized.count >= 2 else {
            throw RecipeError(file: recipe.source, key: "sequence_len", problem: "only \(tokenized.count) of \(examples.count) examples fit in \(limit) tokens",
                              fix: "raise sequence_len (at most the model's context, \(model.contextLength)) or shorten the examples")
        }
        // A seeded shuffle, then the validation share off the end.
        var rng = SplitMix64(seed: recipe.seed)
        for i in stride(from: tokenized.count - 1, to: 0, by: -1) { tokenized.swapAt(i, rng.nextInt(below: i + 1)) }
        let held = recipe.valSetSize > 0 ? min(tokenized.count - 1, max(1, Int((recipe.valSetSize * Double(tokenized.count)).rounded()))) : 0
        training = Array(tokenized.dropLast(held))
        validation = Array(tokenized.suffix(held))

        let configuration = LoRAConfiguration(rank: recipe.loraR, alpha: recipe.loraAlpha, dropout: recipe.loraDropout,
                                              targetModules: try Self.targets(recipe, model), fanInFanOut: model is GPT2Model,
                                              seed: recipe.seed)
        switch recipe.adapter {
        case .lora:
            lora = LoRAModel(wrapping: model, configuration: configuration)
            quantizationError = nil
        case .qlora:
            let qlora = QLoRAModel(wrapping: model, lora: configuration)
            lora = qlora.lora
            quantizationError = qlora.quantizationError
        }
        steps = recipe.steps(trainingExamples: training.count)
        tuner = SupervisedFineTuner(model: lora.model, examples: training,
                                    settings: .init(steps: steps, batchSize: recipe.microBatchSize, learningRate: recipe.learningRate,
                                                    warmupSteps: recipe.warmupSteps, weightDecay: recipe.weightDecay, seed: recipe.seed))
    }
    // ANCHOR_END: run

    /// The recipe's target modules, checked against the model's projections; or the
    /// architecture's usual choice.
    static func targets(_ recipe: FineTuneRecipe, _ model: any LanguageModel) throws(RecipeError) -> [String] {
        let names = adaptableProjections(in: model).map(\.name)
        let targets = recipe.loraTargetModules ?? (model is GPT2Model ? ["c_attn"] : ["q_proj", "v_proj"])
        for target in targets where !names.contains(where: { $0 == target || $0.hasSuffix("." + target) }) {
            let known = Set(names.map { $0.split(separator: ".").last.map(String.init) ?? $0 }).sorted()
            throw RecipeError(file: recipe.source, key: "lora_target_modules", problem: "\"\(target)\" matches no projection of this model",
                              fix: "this model's projections are \(known.joined(separator: ", "))")
        }
        return targets
    }

    /// Trainable (adapter) and total parameters.
    public var parameterCounts: (trainable: Int, total: Int) {
        (lora.adapterParameters().reduce(0) { $0 + $1.parameter.value.count }, lora.model.parameters().reduce(0) { $0 + $1.value.count })
    }

    public var stepsDone: Int { tuner.stepCount }

    /// One optimizer step; its loss and the learning rate it used.
    @discardableResult
    public func step() -> (loss: Float, learningRate: Float) {
        let loss = tuner.step()
        return (loss, tuner.optimizer.learningRate)
    }

    /// Mean loss per response token on the held-out examples (nil without `val_set_size`).
    public func validationLoss() -> Double? {
        guard !validation.isEmpty else { return nil }
        lora.model.setTraining(false)
        var total = 0.0, counted = 0
        withNoGrad {
            for start in stride(from: 0, to: validation.count, by: recipe.microBatchSize) {
                let chunk = Array(validation[start..<min(start + recipe.microBatchSize, validation.count)])
                let (ids, targets, _) = SupervisedFineTuner.batch(chunk)
                let n = targets.filter { $0 != ignoredTargetIndex }.count
                let loss = crossEntropy(lora.model.logits(ids, batchSize: chunk.count, cache: nil), targets: targets, ignoreIndex: ignoredTargetIndex)
                total += Double(loss.value.scalar) * Double(n)
                counted += n
            }
        }
        return counted > 0 ? total / Double(counted) : nil
    }
}
