import Figures
import Foundation
import Fundamentals
import Transformers

/// `llmcourse run pretrain-text`: the same tiny GPT-2 and training loop as `pretrain`, trained
/// from scratch on real text — the course's own lessons in English and Chinese, one token per
/// character — and scored on two lessons it never reads, as perplexity per character.
///
/// The full run takes a minute or two on two cores; `--quick` takes a few seconds, scores only
/// a stretch of the held-out text and trains far too little to write anything readable.
enum TextPretrainDemo {
    static let demo = Demo(id: "pretrain-text",
                           summary: "Pre-train a tiny character-level GPT on the course's own lessons: held-out perplexity per character, samples as it learns",
                           inputs: ["Sources/Demos/Transformers", "Sources/Transformers/Training", "Lessons"]) { ctx in
        try run(ctx)
    }

    static func run(_ ctx: DemoContext) throws {
        let recipe = TextPretrainRecipe(seed: ctx.seed, quick: ctx.quick)
        let data = try recipe.prepareData()
        showData(ctx, recipe, data)

        let model = GPT2Model(config: recipe.config(vocabularySize: data.vocabulary.count), seed: recipe.modelSeed)
        let s = recipe.settings, config = model.config
        ctx.heading(ctx.tr("The model and the schedule"))
        say(ctx, ctx.tr("GPT-2 with {0} layers, {1} heads, width {2} and a context of {3} tokens: {4} parameters, all random at first. One step is a batch of {5} windows × {6} tokens = {7} next-token predictions.",
                         String(config.layerCount), String(config.headCount), String(config.embeddingSize), String(config.contextLength),
                         String(model.parameterCount), String(s.batchSize), String(s.windowLength), String(s.batchSize * s.windowLength)))
        say(ctx, ctx.tr("The same PreTrainer as in `pretrain`: AdamW (weight decay {0}), the gradient clipped to norm {1}, the learning rate warmed up to {2} over {3} steps, then a cosine down to {4} at step {5}.",
                         "\(s.weightDecay)", fixed(Double(s.gradientClip), 1), sci(Double(s.peakLearningRate)), String(s.warmupSteps),
                         sci(Double(recipe.schedule.floor)), String(s.steps)))

        ctx.heading(ctx.tr("Training"))
        if ctx.quick {
            say(ctx, ctx.tr("Quick run: {0} steps of a narrower model only, enough to see every stage but far too few to learn to write. Run `llmcourse run pretrain-text` without --quick for the real thing.", String(recipe.steps)))
        } else {
            say(ctx, ctx.tr("{0} steps; on two free cores this takes a minute or two. A row is printed every {1} steps with the loss on {2} characters spread over the held-out lessons (measured off the clock); at three rows the model continues an English and a Chinese prompt (temperature {3}, after the │).",
                             String(recipe.steps), String(recipe.steps / recipe.reports), String(recipe.progressCharacters), fixed(Double(recipe.temperature), 1)))
        }
        let trainer = PreTrainer(model: model, tokens: data.trainingTokens, settings: s)
        let log = TextPretrainRun(recipe: recipe, trainer: trainer, vocabulary: data.vocabulary,
                                  heldOutPieces: recipe.progressPieces(data.heldOutTokens)).train(ctx)
        try showLoss(ctx, recipe, data, log)

        ctx.heading(ctx.tr("Held-out perplexity per character"))
        let scored = recipe.finalCharacters.map { Array(data.heldOutTokens.prefix($0)) } ?? data.heldOutTokens
        let result = TextPerplexity.evaluate(model, tokens: scored, window: s.windowLength, stride: recipe.finalStride)
        let unigram = unigramLoss(data, scored: scored)
        // The NLP chapter's best counting model on the same ids: a character 5-gram with
        // interpolated Kneser-Ney smoothing, trained on the same text.
        var ngram = NGramLanguageModel<Int>(order: 5, smoothing: .interpolatedKneserNey(discount: 0.75))
        ngram.train(tokens: data.trainingTokens)
        let ngramLoss = Foundation.log(ngram.perplexity(tokens: scored))
        let uniform = Foundation.log(Double(data.vocabulary.count))
        ctx.table([ctx.tr("model"), ctx.tr("loss (nats/char)"), ctx.tr("perplexity"), ctx.tr("bits/char")], [
            [ctx.tr("uniform over {0} characters", String(data.vocabulary.count)), fixed(uniform, 3), fixed(Foundation.exp(uniform), 1), fixed(uniform / Foundation.log(2), 3)],
            [ctx.tr("character frequencies only"), fixed(unigram, 3), fixed(Foundation.exp(unigram), 1), fixed(unigram / Foundation.log(2), 3)],
            [ctx.tr("character 5-gram, Kneser-Ney"), fixed(ngramLoss, 3), fixed(Foundation.exp(ngramLoss), 2), fixed(ngramLoss / Foundation.log(2), 3)],
            [ctx.tr("the trained GPT"), fixed(result.meanLoss, 3), fixed(result.perplexity, 2), fixed(result.bitsPerToken, 3)],
        ])
        let lessons = data.split.heldOutLessons.joined(separator: ", ")
        if recipe.finalStride < s.windowLength {
            say(ctx, ctx.tr("Scored: {0} characters of {1} ({2}), every one after the first, each with at least {3} characters of context (windows of {4} moved by {5}).",
                             String(result.scoredTokens), String(data.heldOutTokens.count), lessons,
                             String(s.windowLength - recipe.finalStride), String(s.windowLength), String(recipe.finalStride)))
        } else {
            say(ctx, ctx.tr("Scored (quick run): {0} characters of {1} ({2}), in windows of {3} side by side.",
                             String(result.scoredTokens), String(data.heldOutTokens.count), lessons, String(s.windowLength)))
        }
        say(ctx, ctx.tr("Perplexity is exp of the mean loss; bits per character is the mean loss ÷ ln 2. The second row knows only how often each character occurs in training (add-one smoothing): what the transformer gains over it comes from reading the context."))

        ctx.print()
        say(ctx, ctx.tr("The trained model continuing each prompt (temperature {0}):", fixed(Double(recipe.temperature), 1)))
        for (index, prompt) in recipe.prompts.enumerated() {
            let text = TextPretrainRun.sample(model, data.vocabulary, prompt: prompt, recipe: recipe, seed: recipe.sampleSeed &+ 1_000 &+ UInt64(index),
                                              length: model.contextLength - prompt.count)
            ctx.print("    " + TextPretrainRun.visible(prompt) + "│" + TextPretrainRun.visible(text))
        }

        ctx.print()
        ctx.print(ctx.tr("pretrain-text: {0} steps in {1} s ({2} tokens/s), held-out loss {3} nats/char, perplexity {4}, {5} bits/char",
                         String(recipe.steps), fixed(log.seconds, 1), String(Int(log.tokensPerSecond)), fixed(result.meanLoss, 3),
                         fixed(result.perplexity, 2), fixed(result.bitsPerToken, 3)))
    }

    static func showData(_ ctx: DemoContext, _ recipe: TextPretrainRecipe, _ data: TextPretrainRecipe.Data) {
        ctx.heading(ctx.tr("The text"))
        let split = data.split
        say(ctx, ctx.tr("The course's own lessons, English and Chinese, without their code blocks: {0} characters from {1} lessons for training, {2} characters from {3} held out ({4}, both languages). The split is by lesson, so the model is scored on text it has never read, not even in translation.",
                         String(split.train.count), String(split.trainLessons.count), String(split.heldOut.count),
                         String(split.heldOutLessons.count), split.heldOutLessons.joined(separator: ", ")))
        ctx.print()
        let v = data.vocabulary
        say(ctx, ctx.tr("One token per character: the {0} characters that occur at least {1} times in the training text get an id, every rarer one becomes the unknown symbol {2}, id 0 ({3} tokens in all). Unknown: {4} characters of the training text, {5} of the held-out text. Both languages are alike here: a letter and a Chinese character are one token each.",
                         String(v.count - 1), String(recipe.minimumCount), String(CharacterVocabulary.unknown), String(v.count),
                         String(v.unknownCount(in: split.train)), String(v.unknownCount(in: split.heldOut))))
        let example = "GPT 預測下一個字"
        ctx.print("    " + example.map { "\($0)→\(v.id($0))" }.joined(separator: " "))
        say(ctx, ctx.tr("Training cuts random windows from one stream of {0} ids, as `pretrain` does with its sums.", String(data.trainingTokens.count)))
    }

    static func showLoss(_ ctx: DemoContext, _ recipe: TextPretrainRecipe, _ data: TextPretrainRecipe.Data, _ log: TextPretrainRun.Log) throws {
        let span = max(1, recipe.steps / 50)
        let smoothed = log.losses.indices.map { i in
            let window = log.losses[max(0, i - span + 1)...i]
            return window.reduce(0, +) / Double(window.count)
        }
        var plot = LinePlot(title: ctx.tr("Loss (nats per character)"), xLabel: ctx.tr("step"), yLabel: ctx.tr("loss"))
        plot.add(span > 1 ? ctx.tr("train (mean of {0} steps)", String(span)) : ctx.tr("train"),
                 xs: log.losses.indices.map { Double($0 + 1) }, ys: smoothed)
        plot.add(ctx.tr("held-out lessons"), xs: log.heldOut.map { Double($0.step) }, ys: log.heldOut.map(\.loss))
        try ctx.show("loss", plot, height: 12)
        say(ctx, ctx.tr("{0} steps in {1} s, {2} tokens/s. The first loss, {3}, is close to ln {4} = {5}, a uniform guess; the last is {6}. ",
                        String(recipe.steps), fixed(log.seconds, 1), String(Int(log.tokensPerSecond)), fixed(log.losses.first ?? .nan, 2),
                        String(data.vocabulary.count), fixed(Foundation.log(Double(data.vocabulary.count)), 2), fixed(log.losses.last ?? .nan, 3))
                 + ctx.tr("The training curve is measured on the batches the model learns from, the held-out one on lessons it never reads; a gap that kept widening would mean it memorizes its lessons instead of learning to write."))
    }

    /// Mean `−ln p(c)` of the scored characters (all but the first) under add-one-smoothed character frequencies
    /// of the training text: the best a model can do without reading any context.
    static func unigramLoss(_ data: TextPretrainRecipe.Data, scored: [Int]) -> Double {
        var counts = [Double](repeating: 1, count: data.vocabulary.count)
        for id in data.trainingTokens { counts[id] += 1 }
        let total = counts.reduce(0, +)
        let targets = scored.dropFirst()
        return targets.reduce(0.0) { $0 - Foundation.log(counts[$1] / total) } / Double(max(1, targets.count))
    }

    static func say(_ ctx: DemoContext, _ text: String) { DecodingDemos.say(ctx, text) }
}
