import Autograd
import Figures
import Foundation
import NeuralNets
import Tensors
import Transformers

/// `llmcourse run decode-batching`: tokens per second of cached decoding against the batch size,
/// beside a roofline built from this machine's measured memory bandwidth and matrix speed.
enum DecodeBatchingDemo {
    static let demo = Demo(id: "decode-batching", summary: "Decoding throughput against batch size: from memory-bound to compute-bound, against a roofline",
                           inputs: ["Sources/Demos/Decoding", "Sources/Transformers"]) { ctx in try run(ctx) }

    static func run(_ ctx: DemoContext) throws {
        let config = ctx.quick
            ? GPT2Config(vocabularySize: 512, contextLength: 128, embeddingSize: 128, layerCount: 2, headCount: 4)
            : GPT2Config(vocabularySize: 4096, contextLength: 128, embeddingSize: 512, layerCount: 8, headCount: 8)
        let model = GPT2Model(config: config, seed: ctx.seed)
        let batches = ctx.quick ? [1, 4] : [1, 2, 4, 8, 16, 32, 64, 128]
        let prompt = 16, steps = ctx.quick ? 2 : 8
        ctx.say("model: GPT-2 shape, {0} layers of width {1}, {2} parameters ({3} MB in 32-bit floats), random weights.",
                "\(config.layerCount)", "\(config.embeddingSize)", "\(model.parameterCount)", fixed(Double(model.parameterCount * 4) / 1e6, 0))

        ctx.heading(ctx.tr("This machine"))
        let bandwidth = NumericsBenchmark.memoryReadBandwidth(megabytes: ctx.quick ? 32 : 256, repeats: ctx.quick ? 1 : 5)
        let flops = NumericsBenchmark.matmul(size: ctx.quick ? 128 : 512, repeats: ctx.quick ? 1 : 5, minimumSeconds: ctx.quick ? 0.01 : 0.1).rate * 1e9
        let roofline = DecodeRoofline(parameters: model.parameterCount, bytesPerWeight: 4, bandwidth: bandwidth, flops: flops)
        ctx.say("memory read: {0} GB/s; matrix products: {1} GFLOP/s; so batching is nearly free up to about B = {2}",
                fixed(bandwidth / 1e9, 1), fixed(flops / 1e9, 0), fixed(roofline.crossoverBatch, 0))

        ctx.heading(ctx.tr("Tokens per second against the batch size"))
        var rows: [[String]] = [], measured: [Double] = [], predicted: [Double] = []
        let timing = ctx.progress(ctx.tr("timing"), total: batches.count)
        var rng = SplitMix64(seed: ctx.seed)
        for batch in batches {
            let ids = (0..<(batch * prompt)).map { _ in rng.nextInt(below: config.vocabularySize) }
            let next = (0..<batch).map { _ in rng.nextInt(below: config.vocabularySize) }
            let seconds: Double = withNoGrad {
                let cache = model.makeCache()
                _ = model.logits(ids, batchSize: batch, cache: cache)  // prefill, not timed
                return MedianTiming.seconds(steps) { _ = model.logits(next, batchSize: batch, cache: cache) }
            }
            let rate = Double(batch) / seconds
            rows.append(["\(batch)", fixed(seconds * 1000, 1), fixed(rate, 0), fixed(roofline.seconds(batch: batch) * 1000, 1),
                         fixed(roofline.tokensPerSecond(batch: batch), 0)])
            measured.append(rate)
            predicted.append(roofline.tokensPerSecond(batch: batch))
            timing.advance()
        }
        timing.finish()
        ctx.table(["B", ctx.tr("ms/step"), ctx.tr("tokens/s"), ctx.tr("roofline ms"), ctx.tr("roofline tok/s")], rows)
        var plot = LinePlot(title: ctx.tr("decoding throughput (tokens/s)"), xLabel: ctx.tr("log₂ of the batch size"), yLabel: ctx.tr("tokens/s"))
        let xs = batches.map { log2(Double($0)) }
        plot.add(ctx.tr("measured"), xs: xs, ys: measured)
        plot.add(ctx.tr("roofline"), xs: xs, ys: predicted)
        try ctx.show("throughput", plot)
        ctx.say("Each step reads every weight once however many sequences it serves, so at small batches the time per step barely moves and throughput grows with B; past the crossover the arithmetic dominates and throughput levels off.")
    }
}
