import Decoding
import FineTuning
import Foundation
import ModelTools
import Tensors
import Transformers

/// `llmcourse run data-quality`: faulty instructions with injected junk go through a language
/// filter, length and duplicate filters and a perplexity filter under the pre-trained base model;
/// the base model then writes synthetic answers kept by rejection sampling; the tasks are mixed
/// by temperature sampling; and the same model is fine-tuned on each set.
enum DataQualityDemo {
    static let demo = Demo(
        id: "data-quality",
        summary: "Filter junk instructions by language, length and perplexity; synthesize answers by rejection sampling; mix tasks; fine-tune on each",
        inputs: ["Sources/FineTuning/Data", "Sources/FineTuning/SFT", "Sources/Demos/FineTuning/FineTuningLab.swift",
                 "Sources/Demos/FineTuning/DataQualityDemo.swift"]
    ) { context in try run(context) }

    /// An example with where it came from, so the tables can say what each filter caught.
    struct Tagged: Hashable {
        var example: InstructionExample
        /// "en", "es" or "de": the language its instruction was written in.
        var language: String
        var overLong: Bool
    }

    static func run(_ ctx: DemoContext) throws {
        let lab = FineTuningLab(context: ctx)
        let base = try lab.pretrainedModel { ctx.print($0) }
        let raw = rawData(ctx)
        let filtered = try filters(ctx, lab, base, raw)
        let synthetic = try synthesize(ctx, lab, base)
        let mixed = mixture(ctx, filtered + synthetic)
        try compare(ctx, lab, base, sets: [
            (ctx.tr("raw (unfiltered)"), raw.map(\.example)),
            (ctx.tr("filtered"), filtered),
            (ctx.tr("filtered + synthetic"), filtered + synthetic),
            (ctx.tr("filtered + synthetic, mixed"), mixed),
        ])
    }

    static func isRight(_ example: InstructionExample) -> Bool {
        InstructionWorld.answer(task: example.task, key: example.key) == example.response
    }

    // MARK: Raw data with junk

    /// Generated instructions with 30% wrong or empty answers, plus instructions in Spanish and
    /// German and over-long answers that repeat themselves.
    static func rawData(_ ctx: DemoContext) -> [Tagged] {
        var rng = SplitMix64(seed: ctx.seed &+ 17)
        var data = InstructionWorld.rawInstructions(count: ctx.quick ? 300 : 1500, faultRate: 0.3, seed: ctx.seed)
            .map { Tagged(example: $0, language: "en", overLong: false) }
        for index in data.indices {
            let u = rng.nextUniformDouble()
            let e = data[index].example
            if u < 0.08 {
                data[index].language = u < 0.04 ? "es" : "de"
                data[index].example.instruction = LanguageSamples.foreignInstruction(task: e.task, key: e.key, language: data[index].language,
                                                                                     variant: rng.nextInt(below: 2))
            } else if u < 0.13, !e.response.isEmpty {
                data[index].overLong = true
                // Repeated until longer than 16 characters, yet short enough for the 64-token context.
                let times = (18 + e.response.count) / (e.response.count + 1)
                data[index].example.response = Array(repeating: e.response, count: times).joined(separator: " ")
            }
        }
        let wrong = data.filter { !isRight($0.example) && !$0.overLong }.count
        ctx.heading(ctx.tr("Raw instructions with junk"))
        ctx.say("{0} generated instructions: {1} with a wrong or empty answer, {2} asked in Spanish or German, {3} with an over-long answer repeating itself",
                "\(data.count)", "\(wrong)", "\(data.filter { $0.language != "en" }.count)", "\(data.filter(\.overLong).count)")
        for sample in [data.first { $0.language == "es" }, data.first { $0.language == "de" }, data.first(where: \.overLong)].compactMap({ $0 }) {
            ctx.print("  \(sample.example.instruction) → \(sample.example.response)")
        }
        return data
    }

    // MARK: Filters

    /// Language, length, duplicates, perplexity: each step's survivors, with what it removed.
    static func filters(_ ctx: DemoContext, _ lab: FineTuningLab, _ base: GPT2Model, _ raw: [Tagged]) throws -> [InstructionExample] {
        ctx.heading(ctx.tr("Filters one after another (none of them knows the true answers)"))
        let identifier = LanguageIdentifier(training: LanguageSamples.training)
        let english = raw.filter { identifier.identify($0.example.instruction).label == "en" }
        let missed = english.filter { $0.language != "en" }.count
        let dropped = raw.filter { $0.language == "en" }.count - (english.count - missed)
        let shaped = english.filter { !$0.example.response.isEmpty && $0.example.response.count <= 16 }
        var seen = Set<InstructionExample>()
        let (uniqueExamples, _) = DataCleaning.deduplicate(shaped.map(\.example))
        let unique = shaped.filter { uniqueExamples.contains($0.example) && seen.insert($0.example).inserted }

        // The base model reads each example as the sentence it was pre-trained on:
        // "the reverse of cat is" + " tac." — mean NLL over the answer's characters and the period.
        let scorer = ContinuationScorer(model: base) { try lab.tokenizer.encode($0) }
        var cache: [String: Double] = [:]
        let scoring = ctx.progress(ctx.tr("scoring answers with the base model"), total: unique.count)
        let nll: (Tagged) throws -> Double = { item in
            defer { scoring.advance() }
            let e = item.example
            let prompt = InstructionWorld.statementParts(task: e.task, key: e.key, answer: e.response).prompt
            let continuation = " \(e.response)."
            if let known = cache[prompt + continuation] { return known }
            let value = PerplexityFilter.meanNLL(logLikelihood: try scorer.logLikelihood(context: prompt, continuation: continuation),
                                                 tokenCount: continuation.count)
            cache[prompt + continuation] = value
            return value
        }
        let keepQuantile = 0.6
        let perplexity = try PerplexityFilter.filter(unique, keepQuantile: keepQuantile, meanNLL: nll)
        scoring.finish()

        func wrong(_ items: [Tagged]) -> String { "\(items.filter { !isRight($0.example) }.count)" }
        func foreign(_ items: [Tagged]) -> String { "\(items.filter { $0.language != "en" }.count)" }
        ctx.table([ctx.tr("filter"), ctx.tr("kept"), ctx.tr("removed"), ctx.tr("still wrong"), ctx.tr("still foreign")], [
            [ctx.tr("raw"), "\(raw.count)", "", wrong(raw), foreign(raw)],
            [ctx.tr("language ID: instruction is English"), "\(english.count)", "\(raw.count - english.count)", wrong(english), foreign(english)],
            [ctx.tr("length: non-empty, ≤ 16 characters"), "\(shaped.count)", "\(english.count - shaped.count)", wrong(shaped), foreign(shaped)],
            [ctx.tr("exact duplicates"), "\(unique.count)", "\(shaped.count - unique.count)", wrong(unique), foreign(unique)],
            [ctx.tr("perplexity ≤ the {0} quantile", fixed(keepQuantile, 1)), "\(perplexity.kept.count)", "\(perplexity.removed.count)",
             wrong(perplexity.kept), foreign(perplexity.kept)],
        ])
        ctx.say("language ID (character 1–3-grams, naive Bayes): {0} foreign instructions let through, {1} English ones dropped", "\(missed)", "\(dropped)")
        var droppedEnglish: [String] = []
        for item in raw where item.language == "en" && identifier.identify(item.example.instruction).label != "en"
            && !droppedEnglish.contains(item.example.instruction) && droppedEnglish.count < 4 {
            droppedEnglish.append(item.example.instruction)
        }
        if !droppedEnglish.isEmpty { ctx.print("  " + ctx.tr("English taken for foreign: {0}", droppedEnglish.joined(separator: " "))) }
        ctx.say("perplexity cut: mean NLL {0} nats per character (perplexity {1})", fixed(perplexity.threshold, 3), fixed(exp(perplexity.threshold), 2))

        // How the cut trades wrong answers removed against right ones lost.
        let rows = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map { q -> [String] in
            let t = PerplexityFilter.quantile(perplexity.scores, q)
            let kept = zip(unique, perplexity.scores).filter { $0.1 <= t }.map(\.0)
            let rightLost = unique.filter { isRight($0.example) }.count - kept.filter { isRight($0.example) }.count
            return [fixed(q, 1), fixed(exp(t), 2), "\(kept.count)", wrong(kept), "\(rightLost)"]
        }
        ctx.table([ctx.tr("keep quantile"), ctx.tr("perplexity cut"), ctx.tr("kept"), ctx.tr("still wrong"), ctx.tr("right ones lost")], rows)
        for removed in perplexity.removed.prefix(3) {
            ctx.print("  " + ctx.tr("most surprising: {0} → {1} (perplexity {2})", removed.item.example.instruction, removed.item.example.response,
                                    fixed(exp(removed.meanNLL), 1)))
        }
        return perplexity.kept.map(\.example)
    }

    // MARK: Rejection sampling

    /// Answers written by the base model itself for every training fact (k samples at temperature 1
    /// from "the reverse of cat is"), kept when they match ``InstructionWorld/answer(task:key:)``.
    static func synthesize(_ ctx: DemoContext, _ lab: FineTuningLab, _ base: GPT2Model) throws -> [InstructionExample] {
        ctx.heading(ctx.tr("Synthetic answers by rejection sampling"))
        let facts = InstructionWorld.facts.filter { !InstructionWorld.isValidation(task: $0.task, key: $0.key) }
            .enumerated().filter { !ctx.quick || $0.offset % 6 == 0 }.map(\.element)
        let k = ctx.quick ? 2 : 4
        let sampling = ctx.progress(ctx.tr("sampling answers"), total: facts.count * k)
        let result = try RejectionSampling.run(prompts: Array(facts.indices), candidatesPerPrompt: k, sample: { (index: Int, j: Int) throws -> String in
            defer { sampling.advance() }
            let fact = facts[index]
            let prompt = InstructionWorld.statementParts(task: fact.task, key: fact.key, answer: fact.answer).prompt
            let config = GenerationConfig(maxNewTokens: 8, stopStrings: ["."], sampling: true, temperature: 1,
                                          seed: ctx.seed &+ UInt64(index * 100 + j))
            let text = lab.tokenizer.decode(generate(base, prompt: try lab.tokenizer.encode(prompt), config: config, decode: lab.tokenizer.decode).newTokens)
            return text.trimmingCharacters(in: CharacterSet(charactersIn: " .\n"))
        }, verify: { (index: Int, answer: String) -> Bool in InstructionWorld.answer(task: facts[index].task, key: facts[index].key) == answer })
        sampling.finish()
        let rows = InstructionWorld.tasks.map { task -> [String] in
            let indices = facts.indices.filter { facts[$0].task == task }
            let passed = indices.map { result.passedPerPrompt[$0] }.reduce(0, +)
            let none = indices.filter { result.passedPerPrompt[$0] == 0 }.count
            return [task, "\(indices.count)", "\(indices.count * k)", "\(passed)", percent(Double(passed) / Double(max(1, indices.count * k))), "\(none)"]
        }
        ctx.table([ctx.tr("task"), ctx.tr("facts"), ctx.tr("drawn"), ctx.tr("passed"), ctx.tr("acceptance"), ctx.tr("facts with none")], rows)
        ctx.say("acceptance rate {0}: {1} draws per verified answer; {2} facts got no answer at all", percent(result.acceptanceRate),
                result.acceptanceRate > 0 ? fixed(1 / result.acceptanceRate, 1) : "∞", "\(result.promptsWithoutAnswer)")
        // Each accepted answer becomes an instruction in the phrasing of its draw.
        return result.accepted.map { index, answer in
            let fact = facts[index]
            return InstructionExample(task: fact.task, key: fact.key,
                                      instruction: InstructionWorld.instruction(task: fact.task, key: fact.key, variant: answer.count + index),
                                      response: answer)
        }
    }

    // MARK: Mixing

    /// The three tasks as sources, mixed with p_i ∝ n_i^α.
    static func mixture(_ ctx: DemoContext, _ examples: [InstructionExample]) -> [InstructionExample] {
        ctx.heading(ctx.tr("Mixing the tasks: p ∝ n^α"))
        let sources = InstructionWorld.tasks.map { task in examples.filter { $0.task == task } }
        let sizes = sources.map(\.count)
        let alphas = [1.0, 0.5, 0.0]
        let weights = alphas.map { DataMixture.temperatureWeights(sizes: sizes, alpha: $0) }
        ctx.table([ctx.tr("task"), ctx.tr("examples")] + alphas.map { "α = \(fixed($0, 1))" },
                  InstructionWorld.tasks.indices.map { i in [InstructionWorld.tasks[i], "\(sizes[i])"] + weights.map { percent($0[i]) } })
        let count = examples.count
        let (mixed, chosen) = DataMixture.sampleWithSources(sources, weights: weights[1], count: count, seed: ctx.seed)
        let shares = DataMixture.shares(chosen, sourceCount: sources.count)
        ctx.say("{0} draws at α = 0.5: shares {1} (weights {2})", "\(count)", shares.map(percent).joined(separator: ", "),
                weights[1].map(percent).joined(separator: ", "))
        return mixed
    }

    // MARK: Fine-tuning on each set

    static func compare(_ ctx: DemoContext, _ lab: FineTuningLab, _ base: GPT2Model, sets: [(String, [InstructionExample])]) throws {
        let steps = ctx.quick ? 10 : 200
        ctx.heading(ctx.tr("Fine-tuning the base model on each set ({0} steps, batch 16)", "\(steps)"))
        let validation = try InstructionWorld.tasks.flatMap { try InstructionWorld.validationInstructions(task: $0).map(lab.tokenized) }
        var rows: [[String]] = []
        for (index, (name, examples)) in sets.enumerated() {
            let model = try lab.fineTuned(base, on: try examples.map(lab.tokenized), steps: steps, learningRate: 1e-3,
                                          cacheName: "data-quality-\(index)-v2", label: name)
            let wrongShare = Double(examples.filter { !isRight($0) }.count) / Double(examples.count)
            rows.append([name, "\(examples.count)", percent(wrongShare), percent(exactMatch(model, validation, endOfTurn: lab.endOfTurn))])
        }
        ctx.table([ctx.tr("training set"), ctx.tr("examples"), ctx.tr("not the true answer"), ctx.tr("held-out exact match")], rows)
        ctx.say("held out: {0} questions (every phrasing of the facts no instruction mentions)", "\(validation.count)")
    }
}
