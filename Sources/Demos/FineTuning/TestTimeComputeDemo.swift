import Alignment
import Decoding
import Figures
import FineTuning
import Foundation
import ModelTools
import Transformers

/// `llmcourse run test-time-compute`: more samples at inference, three ways to turn them into
/// one answer — best-of-n by the model's own log-likelihood, a majority vote, an exact checker —
/// measured on the sums the fine-tuning chapters' base model learned in pre-training; then
/// GRPO's advantages beside leave-one-out's for one group of sampled answers.
enum TestTimeComputeDemo {
    static let demo = Demo(
        id: "test-time-compute",
        summary: "Spend samples at inference on sums: best-of-n by likelihood, majority vote and a verifier; GRPO advantages beside RLOO's",
        inputs: ["Sources/Decoding", "Sources/Alignment/GroupRelativeAdvantage.swift", "Sources/Alignment/PolicyGradient.swift",
                 "Sources/ModelTools/Evaluation", "Sources/FineTuning/SFT", "Sources/Demos/FineTuning/FineTuningLab.swift",
                 "Sources/Demos/FineTuning/TestTimeComputeDemo.swift"]
    ) { context in try run(context) }

    /// One sum with the answers sampled for it.
    struct SampledSum {
        let prompt: String
        let truth: Int
        /// The decoded continuations, e.g. `" 8."`, in the order they were drawn.
        let samples: [String]
        /// `log p(sample | prompt)` under the model that drew it.
        let logLikelihoods: [Double]
        let greedy: String
    }

    static func run(_ ctx: DemoContext) throws {
        let lab = FineTuningLab(context: ctx)
        let model = try lab.pretrainedModel { ctx.print($0) }
        let sums = try sample(ctx, model, lab)
        try accuracyAgainstN(ctx, sums)
        groupAdvantages(ctx, sums)
    }

    /// The integer a continuation states before its period: `" 12."` → 12; `" 1x."` → nil.
    static func answer(_ text: String) -> Int? {
        let digits = text.prefix { $0 != "." && $0 != "\n" }.drop { $0 == " " }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    // MARK: Sampling

    /// Every sum (every ninth in quick mode), `samplesPerSum` answers each at temperature 1,
    /// scored by the model's log-likelihood, plus the greedy answer.
    static func sample(_ ctx: DemoContext, _ model: GPT2Model, _ lab: FineTuningLab) throws -> [SampledSum] {
        let facts = InstructionWorld.facts.filter { $0.task == "sum" }.enumerated().filter { !ctx.quick || $0.offset % 9 == 0 }.map(\.element)
        let count = samplesPerSum(ctx)
        let scorer = ContinuationScorer(model: model) { try lab.tokenizer.encode($0) }
        let sampling = ctx.progress(ctx.tr("sampling answers"), total: facts.count)
        defer { sampling.finish() }
        return try facts.enumerated().map { index, fact in
            let prompt = InstructionWorld.statementParts(task: fact.task, key: fact.key, answer: fact.answer).prompt
            let ids = try lab.tokenizer.encode(prompt)
            func continuation(_ config: GenerationConfig) -> String {
                lab.tokenizer.decode(generate(model, prompt: ids, config: config, decode: lab.tokenizer.decode).newTokens)
            }
            let samples = (0..<count).map { s in
                continuation(GenerationConfig(maxNewTokens: 4, stopStrings: ["."], sampling: true, temperature: 1,
                                              seed: ctx.seed &+ UInt64(index * 1000 + s)))
            }
            var cache: [String: Double] = [:]
            let logLikelihoods = try samples.map { text in
                if let known = cache[text] { return known }
                let value = try scorer.logLikelihood(context: prompt, continuation: text)
                cache[text] = value
                return value
            }
            sampling.advance()
            return SampledSum(prompt: prompt, truth: Int(fact.answer)!, samples: samples, logLikelihoods: logLikelihoods,
                              greedy: continuation(GenerationConfig(maxNewTokens: 4, stopStrings: ["."])))
        }
    }

    static func samplesPerSum(_ ctx: DemoContext) -> Int { ctx.quick ? 8 : 16 }

    // MARK: Accuracy against n

    /// Accuracy of one way to choose, at `n` samples: the samples of each sum are cut into
    /// blocks of `n` (16 samples → 16 blocks of 1, 8 of 2, …, 1 of 16), every block gives one
    /// answer, and the accuracy is the share of right answers over all blocks of all sums.
    /// Using every block, not only the first, makes the small-n estimates far less noisy.
    static func accuracy(_ sums: [SampledSum], n: Int, choose: (SampledSum, Range<Int>) -> Int?) -> Double {
        var right = 0, total = 0
        for sum in sums {
            for start in stride(from: 0, to: sum.samples.count - n + 1, by: n) {
                if choose(sum, start..<(start + n)) == sum.truth { right += 1 }
                total += 1
            }
        }
        return Double(right) / Double(max(total, 1))
    }

    /// The three rules, each choosing one answer from the samples in `block`.
    static func byLikelihood(_ sum: SampledSum, _ block: Range<Int>) -> Int? {
        BestOfN.pick(block) { sum.logLikelihoods[$0] }.flatMap { answer(sum.samples[block.lowerBound + $0]) }
    }

    static func byMajority(_ sum: SampledSum, _ block: Range<Int>) -> Int? {
        MajorityVote.winner(sum.samples[block], normalize: answer)?.answer
    }

    /// The checker recomputes the sum; it never sees the model's probabilities.
    static func byVerifier(_ sum: SampledSum, _ block: Range<Int>) -> Int? {
        let texts = sum.samples[block]
        let choice = VerifiedSelection.pick(texts, normalize: answer) { answer($0) == sum.truth }
        return choice.flatMap { answer(texts[texts.startIndex + $0.index]) }
    }

    static func accuracyAgainstN(_ ctx: DemoContext, _ sums: [SampledSum]) throws {
        ctx.heading(ctx.tr("More samples per question: three ways to pick one answer"))
        let count = samplesPerSum(ctx)
        let ns = [1, 2, 4, 8, 16].filter { $0 <= count }
        let greedy = Double(sums.filter { answer($0.greedy) == $0.truth }.count) / Double(sums.count)
        ctx.say("{0} sums \"a plus b is\", {1} answers sampled for each at temperature 1; greedy decoding gets {2} of them right",
                "\(sums.count)", "\(count)", percent(greedy))
        let methods: [(String, (SampledSum, Range<Int>) -> Int?)] = [
            (ctx.tr("best-of-n (log-likelihood)"), byLikelihood), (ctx.tr("majority vote"), byMajority),
            (ctx.tr("verifier (exact checker)"), byVerifier),
        ]
        let curves = methods.map { _, choose in ns.map { accuracy(sums, n: $0, choose: choose) } }
        ctx.table(["n"] + methods.map(\.0), ns.indices.map { i in ["\(ns[i])"] + curves.map { percent($0[i]) } })
        ctx.say("At n = 1 the three agree: one sample is all there is to choose from.")
        ctx.say("The verifier is right whenever any of the n samples is (its accuracy is pass@n); when none passes it falls back to the majority.")
        // Where the vote is heading: the most frequent of all the samples of each sum.
        let modeRight = sums.filter { byMajority($0, 0..<$0.samples.count) == $0.truth }.count
        ctx.say("The right sum is the most frequent of all {0} answers for {1} of the {2} sums: more votes make the most frequent answer win, right or wrong.",
                "\(count)", "\(modeRight)", "\(sums.count)")
        var plot = LinePlot(title: ctx.tr("accuracy on the sums against samples per question"), xLabel: "n", yLabel: ctx.tr("accuracy"))
        // Short names: the legend is one line, and must fit 60 columns.
        for (index, name) in [ctx.tr("best-of-n"), ctx.tr("majority vote"), ctx.tr("verifier")].enumerated() {
            plot.add(name, xs: ns.map(Double.init), ys: curves[index])
        }
        try ctx.show("accuracy", plot, height: 12)
    }

    // MARK: GRPO beside leave-one-out

    /// One group of sampled answers with 0/1 rewards from the checker: each sample's advantage
    /// under RLOO and under GRPO, and how many groups would teach nothing.
    static func groupAdvantages(_ ctx: DemoContext, _ sums: [SampledSum]) {
        let g = 8
        ctx.heading(ctx.tr("One group of {0} sampled answers: GRPO's advantages beside leave-one-out's", "\(g)"))
        let rewards = sums.map { sum in sum.samples.prefix(g).map { answer($0) == sum.truth ? 1.0 : 0.0 } }
        let index = rewards.firstIndex { Set($0).count == 2 } ?? 0
        let (sum, r) = (sums[index], rewards[index])
        let loo = PolicyGradient.leaveOneOutAdvantages(r, groupSize: g)
        let grpo = PolicyGradient.groupNormalizedAdvantages(r, groupSize: g)
        ctx.say("prompt {0}, reward 1 for the right sum ({1}) and 0 otherwise", sum.prompt.debugDescription, "\(sum.truth)")
        let signed = { (x: Double) in (x >= 0 ? "+" : "") + fixed(x, 3) }
        ctx.table([ctx.tr("sample"), ctx.tr("answer"), ctx.tr("reward"), "RLOO", "GRPO"],
                  (0..<g).map { ["\($0 + 1)", sum.samples[$0].debugDescription, fixed(r[$0], 0), signed(loo[$0]), signed(grpo[$0])] })
        let mean = r.reduce(0, +) / Double(g)
        let std = (r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(g - 1)).squareRoot()
        if std > 0 {
            ctx.say("mean reward {0}, std {1} (unbiased, divide by G − 1); each GRPO advantage is RLOO's × (G − 1)/(G·(std + ε)) = {2}",
                    fixed(mean, 3), fixed(std, 3), fixed(Double(g - 1) / (Double(g) * (std + 1e-4)), 3))
        } else {
            ctx.say("every reward in this group is {0}: both ways give every sample advantage 0", fixed(mean, 0))
        }
        let flat = rewards.filter { Set($0).count < 2 }.count
        ctx.say("{0} of the {1} sums' groups of {2} are all right or all wrong: every advantage there is 0 and the group teaches nothing",
                "\(flat)", "\(sums.count)", "\(g)")
    }
}
