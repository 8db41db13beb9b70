import Autograd
import Foundation
import Tensors
import Transformers

/// `llmcourse run positions`: how a transformer knows where tokens are — RoPE scores depend only
/// on the offset between positions, ALiBi's linear penalties, and position interpolation.
enum PositionsDemo {
    static let demo = Demo(id: "positions", summary: "RoPE scores depend only on relative offset; ALiBi biases; position interpolation",
                           inputs: TransformerDemos.inputs) { ctx in
        let rope = RotaryEmbedding(headSize: headSize)
        let (q, k) = randomQueryKey(seed: ctx.seed)
        ctx.heading(ctx.tr("RoPE: the score depends only on the distance"))
        DecodingDemos.say(ctx, ctx.tr("One query vector q and one key vector k (random, head size {0}). RoPE rotates each pair of coordinates by an angle proportional to the position. We place q at position m and k at position n and compute the score q·k after rotation:", String(headSize)))
        let pairs = [(2, 0), (7, 5), (40, 38), (3, 3), (90, 90), (9, 1), (60, 52), (1, 9)]
        ctx.table([ctx.tr("query m"), ctx.tr("key n"), "m − n", ctx.tr("score")], pairs.map { m, n in
            [String(m), String(n), String(m - n), fixed(Double(ropeScore(rope, q, k, m, n)), 4)]
        })
        DecodingDemos.say(ctx, ctx.tr("Equal offsets give equal scores (up to float rounding), wherever the pair sits: rotating both vectors by the same extra angle leaves their dot product unchanged. The unrotated score q·k is {0}, the same as offset 0. Offsets +8 and −8 differ: the model can tell before from after.", fixed(Double(zip(q, k).map(*).reduce(0, +)), 4)))

        ctx.heading(ctx.tr("ALiBi: a penalty growing with distance"))
        let slopes = ALiBi.slopes(heads: 4)
        let bias = ALiBi.bias(slopes: slopes, queryLength: 1, keyLength: 6).scalars
        DecodingDemos.say(ctx, ctx.tr("No rotation at all: each head adds −slope·(i − j) to the score of query i on key j. Slopes for 4 heads: {0}. Biases for the query at position 5:", slopes.map { fixed(Double($0), 4) }.joined(separator: ", ")))
        ctx.table([ctx.tr("head"), ctx.tr("slope")] + (0..<6).map { ctx.tr("key {0}", String($0)) }, slopes.enumerated().map { h, slope in
            ["\(h + 1)", fixed(Double(slope), 4)] + (0..<6).map { fixed(Double(bias[h * 6 + $0]) + 0, 3) }
        })
        DecodingDemos.say(ctx, ctx.tr("Steep heads look locally, flat heads far away. Nothing is learned per position, so a model trained on short texts still gets sensible biases on longer ones."))

        ctx.heading(ctx.tr("Position interpolation: stretching a trained context"))
        let trained = 2048, target = 8192
        let scaled = RotaryEmbedding(headSize: headSize, scalingFactor: Float(target / trained))
        let slowest = rope.inverseFrequencies.last!
        let rows = [trained - 1, target - 1].map { p -> [String] in
            let plain = Double(p) * Double(slowest), interpolated = Double(p) / Double(scaled.scalingFactor) * Double(slowest)
            return [String(p), fixed(plain, 3), fixed(interpolated, 3)]
        }
        DecodingDemos.say(ctx, ctx.tr("Suppose a model was trained on {0} positions and we want {1}. The slowest RoPE pair turns by θ = {2} per position; its angle at the last position:", String(trained), String(target), sci(Double(slowest))))
        ctx.table([ctx.tr("position"), ctx.tr("angle"), ctx.tr("angle ÷ {0} (interpolated)", String(target / trained))], rows)
        DecodingDemos.say(ctx, ctx.tr("Without scaling, position {0} reaches angles the model never saw in training. Dividing positions by {1} keeps every angle inside the trained range; the model then needs only a short fine-tune to read positions four times denser.", String(target - 1), String(target / trained)))
    }

    static let headSize = 16

    static func randomQueryKey(seed: UInt64) -> (q: [Float], k: [Float]) {
        var rng = SplitMix64(seed: seed)
        return ((0..<headSize).map { _ in rng.nextNormal() }, (0..<headSize).map { _ in rng.nextNormal() })
    }

    /// `x` rotated by RoPE as if it stood at `position`.
    static func rotated(_ rope: RotaryEmbedding, _ x: [Float], at position: Int) -> [Float] {
        rope(Variable(Tensor(shape: [1, headSize], scalars: x)), offset: position).value.scalars
    }

    /// The attention score of `q` at position `m` on `k` at position `n`, after RoPE.
    static func ropeScore(_ rope: RotaryEmbedding, _ q: [Float], _ k: [Float], _ m: Int, _ n: Int) -> Float {
        zip(rotated(rope, q, at: m), rotated(rope, k, at: n)).map(*).reduce(0, +)
    }
}
