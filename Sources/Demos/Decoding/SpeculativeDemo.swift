import Decoding
import Figures
import Foundation
import Transformers

/// `llmcourse run decoding-speculative`: greedy speculative decoding on two draft/target pairs,
/// checked token for token against the target alone, with acceptance rates and wall-clock speed-up.
enum SpeculativeDemo {
    static let demo = Demo(id: "decoding-speculative", summary: "Speculative decoding: acceptance rate and measured speed-up of two draft/target pairs",
                           inputs: DecodingDemos.inputs) { ctx in
        let (tiny, tokenizer) = try DecodingDemos.tinyModel()
        let prompt = tokenizer.encode(DecodingDemos.prompt)
        let newTokens = ctx.quick ? 16 : 64
        let repeats = ctx.quick ? 1 : 2

        let config = GPT2Config(vocabularySize: tiny.config.vocabularySize, contextLength: 256, embeddingSize: 256,
                                layerCount: ctx.quick ? 4 : 12, headCount: 4)
        ctx.heading(ctx.tr("Pair 1: a {0}-layer GPT-2 drafted by its own first layers", String(config.layerCount)))
        let target = GPT2Model(config: config, seed: ctx.seed)
        DecodingDemos.say(ctx, ctx.tr("target: {0} layers, width {1}, GPT-2's random initialization; sampling at temperature 1, {2} new tokens; each time is the best of {3} runs.", String(config.layerCount), String(config.embeddingSize), String(newTokens), String(repeats)))
        let sampling = GenerationConfig(maxNewTokens: newTokens, sampling: true, seed: ctx.seed)
        // Progress is counted between timed runs, never inside one.
        let timing = ctx.progress("timing drafts", total: 5)
        timing.note("target alone")
        let baseline = timed(repeats: repeats) { generate(target, prompt: prompt, config: sampling) }
        timing.advance()
        ctx.say("target alone: {0} ms for {1} tokens, one forward pass each", fixed(baseline.seconds * 1000, 0), String(newTokens))
        var rows: [[String]] = []
        var speedups: [(label: String, value: Double)] = []
        for layers in [1, 3] where layers < config.layerCount {
            let draft = try earlyExitDraft(of: target, layers: layers)
            for lookahead in [2, 4] {
                timing.note("draft \(layers), γ = \(lookahead)")
                let run = timed(repeats: repeats) {
                    speculativeGenerate(target: target, draft: draft, prompt: prompt,
                                        config: SpeculativeConfig(lookahead: lookahead, maxNewTokens: newTokens, sampling: true, seed: ctx.seed))
                }
                let s = run.value.statistics
                let alpha = s.acceptanceRate
                let predicted = alpha < 1 ? (1 - pow(alpha, Double(lookahead + 1))) / (1 - alpha) : Double(lookahead + 1)
                let speedup = baseline.seconds / run.seconds
                rows.append(["\(layers)", "\(lookahead)", fixed(alpha, 2), "\(s.targetCalls)",
                             fixed(Double(newTokens) / Double(s.targetCalls), 2), fixed(predicted, 2),
                             fixed(run.seconds * 1000, 0), fixed(speedup, 2) + "×"])
                speedups.append((ctx.tr("draft {0} layer{0||s}, γ = {1}", String(layers), String(lookahead)), speedup))
                timing.advance()
            }
        }
        timing.finish()
        ctx.table([ctx.tr("draft layers"), "γ", ctx.tr("accepted"), ctx.tr("target passes"), ctx.tr("tokens/pass"), ctx.tr("predicted"), "ms", ctx.tr("speed-up")], rows)
        ctx.say("predicted tokens/pass = (1 − α^(γ+1)) / (1 − α) for acceptance rate α.")
        try ctx.show("speedup", BarChart(title: ctx.tr("speed-up over the target alone (wall clock, sampling)"), bars: speedups))

        let draft = try earlyExitDraft(of: target, layers: 1)
        let greedyAlone = generate(target, prompt: prompt, config: GenerationConfig(maxNewTokens: newTokens))
        let greedySpeculative = speculativeGenerate(target: target, draft: draft, prompt: prompt,
                                                    config: SpeculativeConfig(lookahead: 4, maxNewTokens: newTokens))
        DecodingDemos.say(ctx, ctx.tr("greedy, draft 1 layer, γ = 4: {0} tokens as the target alone, {1} of guesses accepted",
                                      greedySpeculative.generation.tokens == greedyAlone.tokens ? ctx.tr("the same") : ctx.tr("DIFFERENT"),
                                      fixed(greedySpeculative.statistics.acceptanceRate, 2)))

        ctx.heading(ctx.tr("Pair 2: unrelated models (gpt2-tiny drafting for llama-tiny)"))
        let llama = try LlamaModel(directory: DecodingDemos.checkpointFolder.deletingLastPathComponent().appendingPathComponent("llama-tiny"))
        let alone = timed(repeats: repeats) { generate(llama, prompt: prompt, config: GenerationConfig(maxNewTokens: 32)) }
        let paired = timed(repeats: repeats) {
            speculativeGenerate(target: llama, draft: tiny, prompt: prompt, config: SpeculativeConfig(lookahead: 4, maxNewTokens: 32))
        }
        DecodingDemos.say(ctx, ctx.tr("greedy, γ = 4: {0} of guesses accepted; speed-up {1}×; {2} tokens as llama-tiny alone.",
                                      fixed(paired.value.statistics.acceptanceRate, 2), fixed(alone.seconds / paired.seconds, 2),
                                      paired.value.generation.tokens == alone.value.tokens ? ctx.tr("the same") : ctx.tr("DIFFERENT")))
        DecodingDemos.say(ctx, ctx.tr("A draft that rarely agrees costs its own passes and saves none: speculation pays only when the draft is cheap and usually right. Times are wall clock on this machine and vary between runs."))
    }

    /// Runs `body` `repeats` times and keeps the fastest wall-clock time (the least disturbed run).
    static func timed<T>(repeats: Int, _ body: () -> T) -> (value: T, seconds: Double) {
        var best = Double.infinity
        var value: T?
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            value = body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (value!, best)
    }
}
