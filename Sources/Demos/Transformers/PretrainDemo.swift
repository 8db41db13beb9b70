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

        ctx.heading(ctx.tr("Training"))
        if ctx.quick {
            say(ctx, ctx.tr("Quick run: {0} steps only, enough to see every stage but far too few to learn to add. Run `llmcourse run pretrain` without --quick for the real thing.", String(recipe.steps)))
        } else {
            say(ctx, ctx.tr("{0} steps; on two cores this takes a few minutes. The live line on the terminal shows each step; a row is printed every {1} steps. Validation loss is measured on fresh lines the model never trains on, held-out exact match on {2} of the test sums; both are taken off the clock.",
                             String(recipe.steps), String(recipe.steps / recipe.reports), String(recipe.progressSampleCount)))
        }
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: recipe.settings)
        let sample = Array(data.heldOut.prefix(recipe.progressSampleCount))
        let run = PretrainRun(recipe: recipe, trainer: trainer, validationTokens: data.validationTokens) {
            PretrainEvaluation.exactMatch(model, tokenizer: data.tokenizer, problems: sample, corpus: recipe.corpus)
        }
        let log = run.train(ctx)
        try showLoss(ctx, recipe, data, log)

        ctx.heading(ctx.tr("Held-out evaluation"))
        let corpus = recipe.corpus
        let accuracy = PretrainEvaluation.exactMatch(model, tokenizer: data.tokenizer, problems: data.heldOut, corpus: corpus)
        let answerPPL = PretrainEvaluation.answerPerplexity(model, tokenizer: data.tokenizer, problems: data.heldOut, corpus: corpus)
        let validationPPL = Foundation.exp(Double(trainer.evaluationLoss(data.validationTokens, windows: recipe.validationWindows.final)))
        ctx.table([ctx.tr("measure"), ctx.tr("value")], [
            [ctx.tr("exact match on {0} held-out sums", String(data.heldOut.count)), "\(percent(accuracy)) (\(Int((accuracy * Double(data.heldOut.count)).rounded()))/\(data.heldOut.count))"],
            [ctx.tr("perplexity of the held-out answers"), fixed(answerPPL, 3)],
            [ctx.tr("perplexity of the validation text"), fixed(validationPPL, 3)],
        ])
        say(ctx, ctx.tr("Exact match asks for every digit of the sum, decoded greedily up to the newline. The answer perplexity scores only the answer tokens given the prompt: 1.0 would be certain and right. The whole-text perplexity cannot approach 1, because the operands themselves are random digits no model can predict."))

        let folder = recipe.checkpointFolder()
        let reloaded = try saveAndReload(ctx, model: model, tokenizer: data.tokenizer, folder: folder, probe: Array(data.trainingTokens.prefix(48)))
        showCompletions(ctx, recipe, data, reloaded: reloaded)

        ctx.print()
        ctx.print(ctx.tr("pretrain: {0} steps in {1} s ({2} tokens/s), held-out exact match {3}, answer perplexity {4}, checkpoint in {5}",
                         String(recipe.steps), fixed(log.seconds, 1), String(Int(log.tokensPerSecond)), percent(accuracy),
                         fixed(answerPPL, 3), folder.path))
    }

    // MARK: - Stages

    static func showData(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ data: PretrainRecipe.Data) {
        ctx.heading(ctx.tr("The data"))
        say(ctx, ctx.tr("A generated corpus of {0} lines: nine in ten are sums of two numbers below 100, one in ten a short sentence. Operands are zero-padded and each sum is written least significant digit first, so `07+85=290` means 7 + 85 = 92: the model writes the ones digit first and carries into the next digit it writes, as in written addition. The first lines:", String(recipe.trainingLines)))
        for line in data.text.split(separator: "\n").prefix(6) { ctx.print("    " + line) }
        say(ctx, ctx.tr("A fixed tenth of all pairs (a, b) never appears in the training text; {0} of them are the test.", String(data.heldOut.count)))
        ctx.print()
        let example = data.text.split(separator: "\n").first { $0.contains("+") }.map(String.init) ?? "07+85=290"
        let ids = data.tokenizer.encode(example + "\n")
        say(ctx, ctx.tr("A byte-level BPE tokenizer trained on this text has {0} tokens (256 bytes and the merges learnt from the sentences); digits are kept as single tokens, so every digit of a sum is one prediction:", String(data.tokenizer.vocabularySize)))
        ctx.print("    " + ids.map { visible(data.tokenizer.decode([$0])) }.joined(separator: " | "))
        ctx.print()
        let window = data.trainingTokens[100..<(100 + recipe.settings.windowLength)]
        say(ctx, ctx.tr("Packing: the whole text is one stream of {0} tokens. A training example is a window of {1} consecutive tokens cut at a random place, running across line ends with the newline (⏎) as separator, so no position is wasted on padding. One window:", String(data.trainingTokens.count), String(recipe.settings.windowLength)))
        ctx.print("    " + visible(data.tokenizer.decode(Array(window))))
    }

    static func showSchedule(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ model: GPT2Model) throws {
        let s = recipe.settings, config = model.config
        ctx.heading(ctx.tr("The model and the schedule"))
        say(ctx, ctx.tr("GPT-2 with {0} layers, {1} heads, width {2} and a context of {3} tokens: {4} parameters, all random at first. One step is a batch of {5} windows × {6} tokens = {7} next-token predictions.",
                         String(config.layerCount), String(config.headCount), String(config.embeddingSize), String(config.contextLength),
                         String(model.parameterCount), String(s.batchSize), String(s.windowLength), String(s.batchSize * s.windowLength)))
        say(ctx, ctx.tr("AdamW (weight decay {0}) with the gradient clipped to norm {1}. The learning rate warms up linearly to {2} over {3} steps, then follows a cosine down to {4} at step {5}:",
                         "\(s.weightDecay)", fixed(Double(s.gradientClip), 1), sci(Double(s.peakLearningRate)), String(s.warmupSteps),
                         sci(Double(recipe.schedule.floor)), String(s.steps)))
        var plot = LinePlot(title: ctx.tr("Learning rate: linear warm-up, cosine decay"), xLabel: ctx.tr("step"), yLabel: ctx.tr("learning rate"))
        plot.add(ctx.tr("learning rate"), ys: (0..<s.steps).map { Double(recipe.schedule.learningRate(at: $0)) })
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
        var plot = LinePlot(title: first > 0 ? ctx.tr("Loss (nats per token) from step {0}", String(first + 1)) : ctx.tr("Loss (nats per token)"),
                            xLabel: ctx.tr("step"), yLabel: ctx.tr("loss"))
        plot.add(span > 1 ? ctx.tr("train (mean of {0} steps)", String(span)) : ctx.tr("train"), xs: (first..<log.losses.count).map { Double($0 + 1) },
                 ys: Array(smoothed[first...]))
        plot.add(ctx.tr("validation"), xs: log.validation.map { Double($0.step) }, ys: log.validation.map(\.loss))
        try ctx.show("loss", plot, height: 12)
        var accuracy = LinePlot(title: ctx.tr("Exact match on {0} held-out sums", String(recipe.progressSampleCount)),
                                xLabel: ctx.tr("step"), yLabel: ctx.tr("% correct"))
        accuracy.add(ctx.tr("held-out exact match"), xs: log.accuracy.map { Double($0.step) }, ys: log.accuracy.map { 100 * $0.share })
        accuracy.add(ctx.tr("all correct"), xs: [0, Double(recipe.steps)], ys: [100, 100])   // also pins the axis to 0…100
        try ctx.show("accuracy", accuracy, height: 8)
        let uniform = Foundation.log(Double(data.tokenizer.vocabularySize))
        let later = "format, the sentences and the likely digits are learnt early; then the loss sits on a plateau until the model finds how to add, and drops — the held-out accuracy jumps at the same time."
        say(ctx, ctx.tr("{0} steps in {1} s, {2} tokens/s. The first loss, {3}, is close to ln {4} = {5}, a uniform guess; the last is {6}. ",
                        String(recipe.steps), fixed(log.seconds, 1), String(Int(log.tokensPerSecond)), fixed(log.losses.first ?? .nan, 2),
                        String(data.tokenizer.vocabularySize), fixed(uniform, 2), fixed(log.losses.last ?? .nan, 3))
                 + ctx.tr(recipe.quick ? "In a full run, the " + later : "The " + later))
    }

    static func saveAndReload(_ ctx: DemoContext, model: GPT2Model, tokenizer: BytePairTokenizer, folder: URL,
                              probe: [Int]) throws -> (model: GPT2Model, tokenizer: BytePairTokenizer) {
        ctx.heading(ctx.tr("A Hugging Face checkpoint"))
        try model.save(directory: folder)
        try tokenizer.save(directory: folder)
        say(ctx, ctx.tr("Saved to {0} (set LLMCOURSE_PRETRAIN_DIR to choose another folder):", folder.path))
        let files = ["config.json", "model.safetensors", "vocab.json", "merges.txt"]
        ctx.table([ctx.tr("file"), ctx.tr("bytes"), ctx.tr("holds")], files.map { name in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            return [name, String(size), fileRoles[name].map { ctx.tr($0) } ?? ""]
        })
        let reloaded = try GPT2Model(directory: folder)
        let reloadedTokenizer = try BytePairTokenizer(directory: folder)
        let difference = PretrainEvaluation.largestLogitDifference(model, reloaded, ids: probe)
        say(ctx, ctx.tr("Reloaded with GPT2Model(directory:) and BytePairTokenizer(directory:), as any GPT-2 from the Hub: the largest difference between the logits of the trained and the reloaded model on {0} tokens is {1}. Python's transformers reads the same folder with GPT2LMHeadModel.from_pretrained.",
                         String(probe.count), difference == 0 ? ctx.tr("0 (bit for bit)") : sci(Double(difference))))
        return (reloaded, reloadedTokenizer)
    }

    static func showCompletions(_ ctx: DemoContext, _ recipe: PretrainRecipe, _ data: PretrainRecipe.Data,
                                reloaded: (model: GPT2Model, tokenizer: BytePairTokenizer)) {
        ctx.print()
        say(ctx, ctx.tr("The reloaded model completing held-out sums (greedy, up to the newline):"))
        let completions = PretrainEvaluation.completions(reloaded.model, tokenizer: reloaded.tokenizer, problems: data.heldOut,
                                                         corpus: recipe.corpus, count: 6)
        ctx.table([ctx.tr("prompt"), ctx.tr("model writes"), ctx.tr("reads as"), ctx.tr("true sum"), ""], completions.map { c in
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
