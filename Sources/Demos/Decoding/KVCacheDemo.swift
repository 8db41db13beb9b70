import Autograd
import Figures
import Foundation
import Tensors
import Transformers

/// `llmcourse run kv-cache`: the time of one generated token with and without the KV cache as
/// the sequence grows, a whole generation both ways (same tokens), and the cache's memory
/// counted from its tensors against the formula.
enum KVCacheDemo {
    static let demo = Demo(id: "kv-cache", summary: "Time per token with and without the KV cache as the sequence grows, and the cache's memory",
                           inputs: ["Sources/Demos/Decoding", "Sources/Transformers"]) { ctx in try run(ctx) }

    static func run(_ ctx: DemoContext) throws {
        let config = GPT2Config(vocabularySize: 512, contextLength: 1100, embeddingSize: 256, layerCount: 4, headCount: 4)
        let model = GPT2Model(config: config, seed: ctx.seed)
        var rng = SplitMix64(seed: ctx.seed)
        let ids = (0..<config.contextLength).map { _ in rng.nextInt(below: config.vocabularySize) }
        let lengths = ctx.quick ? [16, 32] : [64, 128, 256, 512, 1024]
        let repeats = ctx.quick ? 1 : 5
        let headSize = config.embeddingSize / config.headCount
        ctx.say("model: GPT-2 shape, {0} layers of width {1} ({2} heads), {3} parameters, random weights; each time is the median of {4} runs.",
                "\(config.layerCount)", "\(config.embeddingSize)", "\(config.headCount)", "\(model.parameterCount)", "\(repeats)")

        ctx.heading(ctx.tr("One new token at length T"))
        var rows: [[String]] = [], cachedMs: [Double] = [], fullMs: [Double] = []
        let timing = ctx.progress(ctx.tr("timing"), total: lengths.count)
        for length in lengths {
            // With the cache: the first T − 1 tokens are already cached; time the T-th alone.
            let cached = stepTime(model, ids, length: length, repeats: repeats)
            let full = withNoGrad { MedianTiming.seconds(repeats) { _ = model.logits(Array(ids[..<length]), batchSize: 1, cache: nil) } }
            let bytes = InferenceMemory.kvCacheBytes(layers: config.layerCount, kvHeads: config.headCount, headSize: headSize, tokens: length)
            rows.append(["\(length)", fixed(cached * 1000, 2), fixed(full * 1000, 1), fixed(full / cached, 0) + "×", formatKB(bytes)])
            cachedMs.append(cached * 1000)
            fullMs.append(full * 1000)
            timing.advance()
        }
        timing.finish()
        ctx.table(["T", ctx.tr("cached ms"), ctx.tr("no cache ms"), ctx.tr("ratio"), ctx.tr("cache")], rows)
        var plot = LinePlot(title: ctx.tr("time of one new token (ms)"), xLabel: ctx.tr("tokens so far"), yLabel: "ms")
        let xs = lengths.map(Double.init)
        plot.add(ctx.tr("without the cache"), xs: xs, ys: fullMs)
        plot.add(ctx.tr("with the cache"), xs: xs, ys: cachedMs)
        try ctx.show("time-per-token", plot)

        ctx.heading(ctx.tr("A whole generation, both ways"))
        let prompt = Array(ids[..<16]), newTokens = ctx.quick ? 16 : 240
        var withCache: [Int] = [], without: [Int] = []
        let cachedSeconds = MedianTiming.seconds(1) { withCache = greedyDecode(model, prompt: prompt, maxNewTokens: newTokens) }
        let fullSeconds = MedianTiming.seconds(1) { without = greedyDecode(model, prompt: prompt, maxNewTokens: newTokens, useCache: false) }
        ctx.say("{0} new tokens after a {1}-token prompt: {2} s with the cache, {3} s without ({4}× slower); the same tokens: {5}",
                "\(newTokens)", "\(prompt.count)", fixed(cachedSeconds, 2), fixed(fullSeconds, 2), fixed(fullSeconds / cachedSeconds, 0),
                withCache == without ? ctx.tr("yes") : ctx.tr("NO"))
        ctx.say("positions run through the model: {0} with the cache, {1} without",
                "\(InferenceMemory.positionsProcessed(prompt: prompt.count, newTokens: newTokens, cached: true))",
                "\(InferenceMemory.positionsProcessed(prompt: prompt.count, newTokens: newTokens, cached: false))")

        ctx.heading(ctx.tr("What the cache costs"))
        let cache = model.makeCache()
        _ = withNoGrad { model.logits(Array(ids[..<lengths.last!]), batchSize: 1, cache: cache) }
        ctx.say("after {0} tokens the cache holds {1}; the formula 2 · layers · heads · head size · tokens · 4 bytes gives {2}",
                "\(lengths.last!)", formatKB(InferenceMemory.bytes(of: cache)),
                formatKB(InferenceMemory.kvCacheBytes(layers: config.layerCount, kvHeads: config.headCount, headSize: headSize, tokens: lengths.last!)))
        let llama = InferenceMemory.kvCacheBytes(layers: 32, kvHeads: 32, headSize: 128, tokens: 4096, bytesPerValue: 2)
        let grouped = InferenceMemory.kvCacheBytes(layers: 32, kvHeads: 8, headSize: 128, tokens: 4096, bytesPerValue: 2)
        ctx.say("Llama 2 7B, 4,096 tokens in 16 bits: {0} MiB per sequence; if its 32 query heads shared 8 key/value heads (grouped-query attention): {1} MiB",
                "\(llama >> 20)", "\(grouped >> 20)")
    }

    /// Median time of the step that adds token `length` to a cache holding the first `length − 1`.
    static func stepTime(_ model: GPT2Model, _ ids: [Int], length: Int, repeats: Int) -> Double {
        withNoGrad {
            MedianTiming.seconds(repeats, prepare: { () -> KVCache in
                let cache = model.makeCache()
                _ = model.logits(Array(ids[..<(length - 1)]), batchSize: 1, cache: cache)
                return cache
            }) { cache in _ = model.logits([ids[length - 1]], batchSize: 1, cache: cache) }
        }
    }

    static func formatKB(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) : String(format: "%.0f KiB", Double(bytes) / 1024)
    }
}
