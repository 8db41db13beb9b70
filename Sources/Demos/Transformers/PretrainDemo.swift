import Figures
import Foundation
import Transformers

/// `llmcourse run pretrain`: a tiny GPT-2 trained from scratch on generated sums — the data and
/// its tokens, the warm-up + cosine schedule, a monitored training loop, held-out exact match and
/// perplexity, and a Hugging Face checkpoint that is saved, reloaded and used.
///
/// The full run takes a few minutes on two cores; `--quick` takes a few seconds and shows every
/// stage with too few steps to learn anything.
enum PretrainDemo {
    static let demo = Demo(id: "pretrain",
                           summary: "Pre-train a tiny GPT from scratch on generated sums: schedule, monitoring, held-out accuracy, HF checkpoint",
                           inputs: ["Sources/Demos/Transformers", "Sources/Transformers/Training", "Sources/NeuralNets/TrainingUtilities.swift"]) { ctx in
        try run(ctx)
    }

    static func run(_ ctx: DemoContext) throws {
        let recipe = PretrainRecipe(seed: ctx.seed, quick: ctx.quick)
        let data = try recipe.prepareData()
        showData(ctx, recipe, data)

        let model = GPT2Model(config: recipe.config(vocabularySize: data.tokenizer.vocabularySize), seed: recipe.modelSeed)
        try showSchedule(ctx, recipe, model)

        ctx.heading("Training")
        if ctx.quick {
            say(ctx, "Quick run: \(recipe.steps) steps only, enough to see every stage but far too few to learn to add. Run `llmcourse run pretrain` without --quick for the real thing.")
        } else {
            say(ctx, "\(recipe.steps) steps; on two cores this takes a few minutes. The live line on the terminal shows each step; a row is printed every \(recipe.steps / recipe.reports) steps. Validation loss is measured on fresh lines the model never trains on, held-out exact match on \(recipe.progressSampleCount) of the test sums; both are taken off the clock.")
        }
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: recipe.settings)
        let sample = Array(data.heldOut.prefix(recipe.progressSampleCount))
        let run = PretrainRun(recipe: recipe, trainer: trainer, validationTokens: data.validationTokens) {
            PretrainEvaluation.exactMatch(model, tokenizer: data.tokenizer, problems: sample, corpus: recipe.corpus)
        }
        let log = run.train(ctx)
        try showLoss(ctx, recipe, data, log)

        ctx.heading("Held-out evaluation")
        let corpus = recipe.corpus
        let accuracy = PretrainEvaluation.exactMatch(model, tokenizer: data.tokenizer, problems: data.heldOut, corpus: corpus)
        let answerPPL = PretrainEvaluation.answerPerplexity(model, tokenizer: data.tokenizer, problems: data.heldOut, corpus: corpus)
        let validationPPL = Foundation.exp(Double(trainer.evaluationLoss(data.validationTokens, windows: recipe.validationWindows.final)))
        ctx.table(["measure", "value"], [
            ["exact match on \(data.heldOut.count) held-out sums", "\(percent(accuracy)) (\(Int((accuracy * Double(data.heldOut.count)).rounded()))/\(data.heldOut.count))"],
            ["perplexity of the held-out answers", fixed(answerPPL, 3)],
            ["perplexity of the validation text", fixed(validationPPL, 3)],
        ])
        say(ctx, "Exact match asks for every digit of the sum, decoded greedily up to the newline. The answer perplexity scores only the answer tokens given the prompt: 1.0 would be certain and right. The whole-text perplexity cannot approach 1, because the operands themselves are random digits no model can predict.")

        let folder = recipe.checkpointFolder()
        let reloaded = try saveAndReload(ctx, model: model, tokenizer: data.tokenizer, folder: folder, probe: Array(data.trainingTokens.prefix(48)))
        showCompletions(ctx, recipe, data, reloaded: reloaded)

        ctx.print()
        ctx.print("pretrain: \(recipe.steps) steps in \(fixed(log.seconds, 1)) s (\(Int(log.tokensPerSecond)) tokens/s), "
                  + "held-out exact match \(percent(accuracy)), answer perplexity \(fixed(answerPPL, 3)), checkpoint in \(folder.path)")
    }

    // MARK: - Stages

    static func showData(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ data: PretrainRecipe.Data) {
        ctx.heading("The data")
        say(ctx, "A generated corpus of \(recipe.trainingLines) lines: nine in ten are sums of two numbers below 100, one in ten a short sentence. Operands are zero-padded and each sum is written least significant digit first, so `07+85=290` means 7 + 85 = 92: the model writes the ones digit first and carries into the next digit it writes, as in written addition. The first lines:")
        for line in data.text.split(separator: "\n").prefix(6) { ctx.print("    " + line) }
        say(ctx, "A fixed tenth of all pairs (a, b) never appears in the training text; \(data.heldOut.count) of them are the test.")
        ctx.print()
        let example = data.text.split(separator: "\n").first { $0.contains("+") }.map(String.init) ?? "07+85=290"
        let ids = data.tokenizer.encode(example + "\n")
        say(ctx, "A byte-level BPE tokenizer trained on this text has \(data.tokenizer.vocabularySize) tokens (256 bytes and the merges learnt from the sentences); digits are kept as single tokens, so every digit of a sum is one prediction:")
        ctx.print("    " + ids.map { visible(data.tokenizer.decode([$0])) }.joined(separator: " | "))
        ctx.print()
        let window = data.trainingTokens[100..<(100 + recipe.settings.windowLength)]
        say(ctx, "Packing: the whole text is one stream of \(data.trainingTokens.count) tokens. A training example is a window of \(recipe.settings.windowLength) consecutive tokens cut at a random place, running across line ends with the newline (⏎) as separator, so no position is wasted on padding. One window:")
        ctx.print("    " + visible(data.tokenizer.decode(Array(window))))
    }

    static func showSchedule(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ model: GPT2Model) throws {
        let s = recipe.settings, config = model.config
        ctx.heading("The model and the schedule")
        say(ctx, "GPT-2 with \(config.layerCount) layers, \(config.headCount) heads, width \(config.embeddingSize) and a context of \(config.contextLength) tokens: \(model.parameterCount) parameters, all random at first. One step is a batch of \(s.batchSize) windows × \(s.windowLength) tokens = \(s.batchSize * s.windowLength) next-token predictions.")
        say(ctx, "AdamW (weight decay \(s.weightDecay)) with the gradient clipped to norm \(fixed(Double(s.gradientClip), 1)). The learning rate warms up linearly to \(sci(Double(s.peakLearningRate))) over \(s.warmupSteps) steps, then follows a cosine down to \(sci(Double(recipe.schedule.floor))) at step \(s.steps):")
        var plot = LinePlot(title: "Learning rate: linear warm-up, cosine decay", xLabel: "step", yLabel: "learning rate")
        plot.add("learning rate", ys: (0..<s.steps).map { Double(recipe.schedule.learningRate(at: $0)) })
        try ctx.show("learning-rate", plot, height: 8)
    }

    static func showLoss(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ data: PretrainRecipe.Data, _ log: PretrainRun.Log) throws {
        let span = max(1, recipe.steps / 100)
        let smoothed = log.losses.indices.map { i in
            let window = log.losses[max(0, i - span + 1)...i]
            return window.reduce(0, +) / Double(window.count)
        }
        // Past the first 5% of steps the fall from a uniform guess is over; starting there keeps
        // the plateau and the late drop readable on the vertical axis.
        let first = recipe.quick ? 0 : recipe.steps / 20
        var plot = LinePlot(title: first > 0 ? "Loss (nats per token) from step \(first + 1)" : "Loss (nats per token)",
                            xLabel: "step", yLabel: "loss")
        plot.add(span > 1 ? "train (mean of \(span) steps)" : "train", xs: (first..<log.losses.count).map { Double($0 + 1) },
                 ys: Array(smoothed[first...]))
        plot.add("validation", xs: log.validation.map { Double($0.step) }, ys: log.validation.map(\.loss))
        try ctx.show("loss", plot, height: 12)
        var accuracy = LinePlot(title: "Exact match on \(recipe.progressSampleCount) held-out sums", xLabel: "step", yLabel: "% correct")
        accuracy.add("held-out exact match", xs: log.accuracy.map { Double($0.step) }, ys: log.accuracy.map { 100 * $0.share })
        accuracy.add("all correct", xs: [0, Double(recipe.steps)], ys: [100, 100])   // also pins the axis to 0…100
        try ctx.show("accuracy", accuracy, height: 8)
        let uniform = Foundation.log(Double(data.tokenizer.vocabularySize))
        say(ctx, "\(recipe.steps) steps in \(fixed(log.seconds, 1)) s, \(Int(log.tokensPerSecond)) tokens/s. The first loss, \(fixed(log.losses.first ?? .nan, 2)), is close to ln \(data.tokenizer.vocabularySize) = \(fixed(uniform, 2)), a uniform guess; the last is \(fixed(log.losses.last ?? .nan, 3)). \(recipe.quick ? "In a full run, the" : "The") format, the sentences and the likely digits are learnt early; then the loss sits on a plateau until the model finds how to add, and drops — the held-out accuracy jumps at the same time.")
    }

    static func saveAndReload(_ ctx: DemoContext, model: GPT2Model, tokenizer: BytePairTokenizer, folder: URL,
                              probe: [Int]) throws -> (model: GPT2Model, tokenizer: BytePairTokenizer) {
        ctx.heading("A Hugging Face checkpoint")
        try model.save(directory: folder)
        try tokenizer.save(directory: folder)
        say(ctx, "Saved to \(folder.path) (set LLMCOURSE_PRETRAIN_DIR to choose another folder):")
        let files = ["config.json", "model.safetensors", "vocab.json", "merges.txt"]
        ctx.table(["file", "bytes", "holds"], files.map { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            return [name, String(size), fileRoles[name] ?? ""]
        })
        let reloaded = try GPT2Model(directory: folder)
        let reloadedTokenizer = try BytePairTokenizer(directory: folder)
        let difference = PretrainEvaluation.largestLogitDifference(model, reloaded, ids: probe)
        say(ctx, "Reloaded with GPT2Model(directory:) and BytePairTokenizer(directory:), as any GPT-2 from the Hub: the largest difference between the logits of the trained and the reloaded model on \(probe.count) tokens is \(difference == 0 ? "0 (bit for bit)" : sci(Double(difference))). Python's transformers reads the same folder with GPT2LMHeadModel.from_pretrained.")
        return (reloaded, reloadedTokenizer)
    }

    static func showCompletions(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ data: PretrainRecipe.Data,
                                reloaded: (model: GPT2Model, tokenizer: BytePairTokenizer)) {
        ctx.print()
        say(ctx, "The reloaded model completing held-out sums (greedy, up to the newline):")
        let completions = PretrainEvaluation.completions(reloaded.model, tokenizer: reloaded.tokenizer, problems: data.heldOut,
                                                         corpus: recipe.corpus, count: 6)
        ctx.table(["prompt", "model writes", "reads as", "true sum", ""], completions.map { c in
            [c.prompt, c.output.isEmpty ? "∅" : c.output, PretrainEvaluation.readable(c.output),
             PretrainEvaluation.readable(c.expected), c.correct ? "✓" : "✗"]
        })
    }

    static let fileRoles = [
        "config.json": "architecture and sizes (model_type gpt2)",
        "model.safetensors": "the weights, float32, by parameter name",
        "vocab.json": "token → id",
        "merges.txt": "the BPE merges, in order",
    ]

    /// Newlines shown as ⏎ so a window prints on one line.
    static func visible(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: "⏎") }

    static func say(_ ctx: DemoContext, _ text: String) { DecodingDemos.say(ctx, text) }
}
