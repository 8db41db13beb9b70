import Foundation
import Testing
import Autograd
import Tensors
@testable import Transformers

@Suite("Attention: masks, heads, positions, flash")
struct AttentionTests {
    static func random(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return .normal(shape, using: &rng)
    }

    /// The textbook definition, one query at a time, with explicit loops.
    static func reference(_ q: Tensor, _ k: Tensor, _ v: Tensor, causal: Bool, slopes: [Float]?) -> Tensor {
        let (b, h, tq, d) = (q.shape[0], q.shape[1], q.shape[2], q.shape[3])
        let (hkv, tk) = (k.shape[1], k.shape[2])
        var out = Tensor.zeros(q.shape)
        for bi in 0..<b {
            for hi in 0..<h {
                let kvh = hi / (h / hkv)
                for i in 0..<tq {
                    let position = tk - tq + i
                    var scores = [Float](repeating: -.infinity, count: tk)
                    for j in 0..<tk where !causal || j <= position {
                        var dot: Float = 0
                        for x in 0..<d { dot += q[bi, hi, i, x] * k[bi, kvh, j, x] }
                        scores[j] = dot / Float(d).squareRoot() - (slopes?[hi] ?? 0) * Float(position - j)
                    }
                    let m = scores.max()!
                    let e = scores.map { Foundation.exp($0 - m) }
                    let sum = e.reduce(0, +)
                    for x in 0..<d {
                        var acc: Float = 0
                        for j in 0..<tk { acc += e[j] / sum * v[bi, kvh, j, x] }
                        out[bi, hi, i, x] = acc
                    }
                }
            }
        }
        return out
    }

    @Test(arguments: [(4, 4), (4, 2), (6, 1)])  // multi-head, grouped-query, multi-query
    func matchesReference(heads: Int, kvHeads: Int) {
        let q = Self.random([2, heads, 7, 8], seed: 1)
        let k = Self.random([2, kvHeads, 7, 8], seed: 2), v = Self.random([2, kvHeads, 7, 8], seed: 3)
        for causal in [true, false] {
            let ours = scaledDotProductAttention(query: Variable(q), key: Variable(k), value: Variable(v), causal: causal).value
            #expect(ours.maxAbsDifference(Self.reference(q, k, v, causal: causal, slopes: nil)) < 1e-5)
        }
    }

    @Test func causalRowsIgnoreTheFuture() {
        let q = Self.random([1, 2, 5, 4], seed: 4), k = Self.random([1, 2, 5, 4], seed: 5), v = Self.random([1, 2, 5, 4], seed: 6)
        let (_, weights) = attentionWithWeights(query: Variable(q), key: Variable(k), value: Variable(v))
        for h in 0..<2 {
            for i in 0..<5 {
                var sum: Float = 0
                for j in 0..<5 {
                    sum += weights.value[0, h, i, j]
                    if j > i { #expect(weights.value[0, h, i, j] == 0) }
                }
                #expect(abs(sum - 1) < 1e-5)
            }
        }
        // The first token can only look at itself: its output is its own value.
        let out = scaledDotProductAttention(query: Variable(q), key: Variable(k), value: Variable(v)).value
        for x in 0..<4 { #expect(abs(out[0, 0, 0, x] - v[0, 0, 0, x]) < 1e-6) }
    }

    @Test func aLiBiSlopesAndBias() {
        #expect(ALiBi.slopes(heads: 8) == (1...8).map { Float(Foundation.pow(2.0, -Double($0))) })
        #expect(ALiBi.slopes(heads: 4) == [0.25, 0.0625, 0.015625, 0.00390625])
        // 6 heads: the 4-head slopes, then slopes 1 and 3 of the 8-head sequence.
        #expect(ALiBi.slopes(heads: 6) == [0.25, 0.0625, 0.015625, 0.00390625, 0.5, 0.125])
        let q = Self.random([1, 4, 6, 8], seed: 7), k = Self.random([1, 4, 6, 8], seed: 8), v = Self.random([1, 4, 6, 8], seed: 9)
        let slopes = ALiBi.slopes(heads: 4)
        let ours = scaledDotProductAttention(query: Variable(q), key: Variable(k), value: Variable(v), alibiSlopes: slopes).value
        #expect(ours.maxAbsDifference(Self.reference(q, k, v, causal: true, slopes: slopes)) < 1e-5)
    }

    @Test(arguments: [(9, 9, 4, 4), (50, 50, 4, 2), (3, 70, 6, 1), (1, 33, 2, 2)])
    func flashMatchesPlain(queries: Int, keys: Int, heads: Int, kvHeads: Int) {
        let q = Self.random([2, heads, queries, 16], seed: 10)
        let k = Self.random([2, kvHeads, keys, 16], seed: 11), v = Self.random([2, kvHeads, keys, 16], seed: 12)
        for (causal, slopes) in [(true, nil), (false, nil), (true, ALiBi.slopes(heads: heads))] as [(Bool, [Float]?)] {
            let plain = scaledDotProductAttention(query: Variable(q), key: Variable(k), value: Variable(v),
                                                  causal: causal, alibiSlopes: slopes).value
            let flash = flashAttention(query: q, key: k, value: v, causal: causal, alibiSlopes: slopes, blockSize: 8)
            #expect(flash.maxAbsDifference(plain) < 1e-5, "causal \(causal), alibi \(slopes != nil)")
        }
    }

    @Test func ropeMatchesRotateHalfAndKeepsRelativePositions() {
        let rope = RotaryEmbedding(headSize: 8, base: 10_000)
        let x = Self.random([1, 1, 3, 8], seed: 13)
        let rotated = rope(Variable(x), offset: 2).value
        // x·cos + rotate_half(x)·sin, written out.
        for t in 0..<3 {
            for i in 0..<4 {
                let angle = Float(2 + t) * (1 / Foundation.pow(10_000, Float(2 * i) / 8))
                let expected1 = x[0, 0, t, i] * Foundation.cos(angle) - x[0, 0, t, i + 4] * Foundation.sin(angle)
                let expected2 = x[0, 0, t, i + 4] * Foundation.cos(angle) + x[0, 0, t, i] * Foundation.sin(angle)
                #expect(abs(rotated[0, 0, t, i] - expected1) < 1e-5)
                #expect(abs(rotated[0, 0, t, i + 4] - expected2) < 1e-5)
            }
        }
        // q·k depends only on the distance: positions (5, 3) and (12, 10) give the same score.
        let q = Self.random([1, 1, 1, 8], seed: 14), k = Self.random([1, 1, 1, 8], seed: 15)
        func score(_ pq: Int, _ pk: Int) -> Float {
            let a = rope(Variable(q), offset: pq).value.scalars, b = rope(Variable(k), offset: pk).value.scalars
            return zip(a, b).map(*).reduce(0, +)
        }
        #expect(abs(score(5, 3) - score(12, 10)) < 1e-4)
    }

    @Test func ropeGradientIsTheInverseRotation() {
        let rope = RotaryEmbedding(headSize: 4)
        let x = Variable(Self.random([1, 2, 3, 4], seed: 16), requiresGrad: true)
        let weights = Self.random([1, 2, 3, 4], seed: 17)
        (rope(x, offset: 1) * weights).sum().backward()
        // Finite differences on a few coordinates.
        for index in [0, 5, 11, 23] {
            var plus = x.value, minus = x.value
            plus.scalars[index] += 1e-2
            minus.scalars[index] -= 1e-2
            let f = { (t: Tensor) in (rope(Variable(t), offset: 1).value * weights).sum().scalar }
            let numeric = (f(plus) - f(minus)) / 2e-2
            #expect(abs(numeric - x.grad!.scalars[index]) < 1e-3)
        }
    }

    @Test func cacheAppendsAlongTime() {
        let cache = KVCache(layers: 2)
        let k1 = Variable(Self.random([1, 2, 3, 4], seed: 18)), k2 = Variable(Self.random([1, 2, 1, 4], seed: 19))
        _ = cache.append(layer: 0, key: k1, value: k1)
        let (k, _) = cache.append(layer: 0, key: k2, value: k2)
        #expect(k.shape == [1, 2, 4, 4])
        #expect(cache.length == 4)
        #expect(k.value[0, 1, 3, 2] == k2.value[0, 1, 0, 2])
        cache.reset()
        #expect(cache.length == 0)
    }
}
