import Autograd
import Figures
import Foundation
import Tensors
import Transformers

/// `llmcourse run flash-attention`: plain attention (which builds the T × T weights) against
/// the course's tiled FlashAttention loop, on one head as T grows: the same output, the memory
/// each keeps besides its inputs, and the time each takes on this CPU.
enum AttentionMemoryDemo {
    static let demo = Demo(id: "flash-attention", summary: "Plain attention vs tiled FlashAttention as the sequence grows: same output, memory and time",
                           inputs: ["Sources/Demos/Decoding", "Sources/Transformers/Attention"]) { ctx in try run(ctx) }

    static func run(_ ctx: DemoContext) throws {
        let headSize = 64, block = 32
        let lengths = ctx.quick ? [64, 128] : [256, 512, 1024, 2048, 4096]
        let repeats = ctx.quick ? 1 : 3
        var rng = SplitMix64(seed: ctx.seed)
        ctx.say("one head of size {0}, causal, random queries, keys and values; FlashAttention tiles of {1} × {1}; each time is the median of {2} runs.",
                "\(headSize)", "\(block)", "\(repeats)")
        var rows: [[String]] = [], plainBytes: [Double] = [], flashBytes: [Double] = []
        let timing = ctx.progress(ctx.tr("timing"), total: lengths.count)
        for length in lengths {
            func random() -> Tensor { Tensor(shape: [1, 1, length, headSize], scalars: (0..<(length * headSize)).map { _ in rng.nextNormal() }) }
            let (q, k, v) = (random(), random(), random())
            var plain = Tensor(0), tiled = Tensor(0)
            let plainSeconds = MedianTiming.seconds(repeats) {
                plain = withNoGrad { scaledDotProductAttention(query: Variable(q), key: Variable(k), value: Variable(v)).value }
            }
            let flashSeconds = MedianTiming.seconds(repeats) { tiled = flashAttention(query: q, key: k, value: v, blockSize: block) }
            let matrix = InferenceMemory.attentionMatrixBytes(queryLength: length, keyLength: length)
            let scratch = InferenceMemory.flashScratchBytes(blockSize: block, headSize: headSize)
            rows.append(["\(length)", KVCacheDemo.formatKB(matrix), KVCacheDemo.formatKB(scratch), fixed(plainSeconds * 1000, 1),
                         fixed(flashSeconds * 1000, 1), sci(Double(plain.maxAbsDifference(tiled)))])
            plainBytes.append(Double(matrix) / 1024)
            flashBytes.append(Double(scratch) / 1024)
            timing.advance()
        }
        timing.finish()
        ctx.table(["T", ctx.tr("T×T weights"), ctx.tr("tile scratch"), ctx.tr("plain ms"), ctx.tr("flash ms"), "max |Δ|"], rows)
        var plot = LinePlot(title: ctx.tr("memory besides Q, K, V and the output (KiB)"), xLabel: "T", yLabel: "KiB")
        let xs = lengths.map(Double.init)
        plot.add(ctx.tr("plain attention"), xs: xs, ys: plainBytes)
        plot.add("FlashAttention", xs: xs, ys: flashBytes)
        try ctx.show("memory", plot)
        ctx.say("The T × T weights grow fourfold each time T doubles; the tiles stay {0} whatever T is.",
                KVCacheDemo.formatKB(InferenceMemory.flashScratchBytes(blockSize: block, headSize: headSize)))
        ctx.say("On a CPU the plain version's matrix products run in an optimized BLAS while the tiled loop is written out in Swift; on a GPU, where the T × T matrix would travel to and from slow memory, the tiled version is the faster one.")
    }
}
