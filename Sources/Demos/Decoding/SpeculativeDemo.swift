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
        let newTokens = ctx.quick ? 24 : 96

        ctx.heading("Pair 1: a 12-layer GPT-2 and its own first layers as draft")
        let config = GPT2Config(vocabularySize: tiny.config.vocabularySize, contextLength: 256, embeddingSize: 384,
                                layerCount: ctx.quick ? 6 : 12, headCount: 6)
        let target = try randomGPT2(config, spread: 0.05, seed: ctx.seed)
        ctx.print("target: \(config.layerCount) layers, width \(config.embeddingSize), random weights (std 0.05), \(newTokens) new tokens, greedy")
        let baseline = timed(repeats: ctx.quick ? 1 : 3) { generate(target, prompt: prompt, config: GenerationConfig(maxNewTokens: newTokens)) }
        ctx.print("target alone: \(fixed(baseline.seconds * 1000, 1)) ms, \(newTokens) forward passes")
        var rows: [[String]] = []
        var speedups: [(label: String, value: Double)] = []
        for layers in [1, 2, 4] where layers < config.layerCount {
            let draft = try earlyExitDraft(of: target, layers: layers)
            for lookahead in [2, 4, 6] {
                let run = timed(repeats: ctx.quick ? 1 : 3) {
                    speculativeGenerate(target: target, draft: draft, prompt: prompt,
                                        config: SpeculativeConfig(lookahead: lookahead, maxNewTokens: newTokens))
                }
                let same = run.value.generation.tokens == baseline.value.tokens
                let s = run.value.statistics
                let speedup = baseline.seconds / run.seconds
                rows.append(["\(layers)", "\(lookahead)", fixed(s.acceptanceRate, 2), "\(s.targetCalls)",
                             fixed(Double(newTokens) / Double(s.targetCalls), 2), fixed(run.seconds * 1000, 1),
                             fixed(speedup, 2) + "×", same ? "yes" : "NO"])
                speedups.append(("draft \(layers)L, γ=\(lookahead)", speedup))
            }
        }
        ctx.table(["draft layers", "lookahead γ", "accepted", "target passes", "tokens/pass", "ms", "speed-up", "same tokens"], rows)
        try ctx.show("speedup", BarChart(title: "speed-up over the target alone (wall clock, greedy)", bars: speedups))

        ctx.heading("Pair 2: unrelated models (gpt2-tiny drafting for llama-tiny)")
        let llama = try LlamaModel(directory: DecodingDemos.checkpointFolder.deletingLastPathComponent().appendingPathComponent("llama-tiny"))
        let alone = timed(repeats: 3) { generate(llama, prompt: prompt, config: GenerationConfig(maxNewTokens: 40)) }
        let paired = timed(repeats: 3) {
            speculativeGenerate(target: llama, draft: tiny, prompt: prompt, config: SpeculativeConfig(lookahead: 4, maxNewTokens: 40))
        }
        ctx.print("accepted \(fixed(paired.value.statistics.acceptanceRate, 2)) of drafted tokens; speed-up \(fixed(alone.seconds / paired.seconds, 2))×; "
                  + "same tokens: \(paired.value.generation.tokens == alone.value.tokens ? "yes" : "NO")")
        ctx.print("A draft that rarely agrees costs its own passes and saves none: speculation only pays when")
        ctx.print("the draft is cheap and usually right. Times are wall clock on this machine and vary between runs.")
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
