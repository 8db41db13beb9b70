import Testing
import Fundamentals
import Tensors

/// The Swift-for-ML performance examples: each fast way gives the slow way's answer.
@Suite struct PerformanceTests {
    @Test func theFourDotProductsAgree() {
        var rng = SplitMix64(seed: 3)
        for n in [0, 1, 7, 8, 9, 1000, 4099] {
            let a = (0..<n).map { _ in rng.nextUniform() * 2 - 1 }, b = (0..<n).map { _ in rng.nextUniform() * 2 - 1 }
            let exact = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            let scale = zip(a, b).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
            for way in DotProducts.all {
                #expect(abs(Double(way.dot(a, b)) - exact) <= 1e-6 * max(scale, 1), "\(way.name) n=\(n)")
            }
        }
    }

    @Test func copyOnWriteCopiesOnTheFirstWriteOnly() {
        let a = Tensor.zeros([1000])
        var b = a
        #expect(BufferIdentity.sharesStorage(a, b))
        b[0] = 1
        #expect(!BufferIdentity.sharesStorage(a, b))
        #expect(a[0] == 0 && b[0] == 1)
        let before = BufferIdentity.address(b)
        b[1] = 2   // b is the only owner now: written in place
        #expect(BufferIdentity.address(b) == before)
    }

    @Test func aTransposeIsAViewAndContiguousCopies() {
        let m = StridedView(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
        let t = m.transposed()
        #expect(t.shape == (3, 2) && t.strides == (1, 3) && !t.isContiguous)
        #expect(BufferIdentity.address(t.storage) == BufferIdentity.address(m.storage))
        #expect(t[2, 1] == 6 && t[0, 1] == 4)
        let c = t.contiguous()
        #expect(c.isContiguous && c.storage == [1, 4, 2, 5, 3, 6])
        #expect(c.storage == Tensor(shape: [2, 3], scalars: m.storage).transposed().scalars)
        let s = m.slice(rows: 1..<2, columns: 1..<3)
        #expect(s.offset == 4 && s[0, 0] == 5 && s[0, 1] == 6 && s.rowMajorValues == [5, 6])
        #expect(t.sum() == 21 && m.sum() == 21)
    }

    @Test func threadedMatmulMatchesTheReference() {
        var rng = SplitMix64(seed: 5)
        let (m, k, n) = (37, 19, 23)
        let a = Tensor.uniform([m, k], low: -1, high: 1, using: &rng), b = Tensor.uniform([k, n], low: -1, high: 1, using: &rng)
        let reference = a.matmulReference(b)
        for threads in [1, 2, 3, 64] {
            let c = Tensor(shape: [m, n], scalars: ThreadedLoops.matmul(a.scalars, b.scalars, m: m, k: k, n: n, threads: threads))
            #expect(c.maxAbsDifference(reference) < 1e-5, "threads \(threads)")
        }
    }
}
