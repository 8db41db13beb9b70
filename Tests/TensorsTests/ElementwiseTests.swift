import Testing
@testable import Tensors

@Suite struct ElementwiseTests {
    @Test func broadcastShapes() {
        #expect(Tensor.broadcastShape([4, 1, 3], [5, 1]) == [4, 5, 3])
        #expect(Tensor.broadcastShape([3], []) == [3])
        #expect(Tensor.broadcastShape([2, 3], [3, 2]) == nil)
    }

    @Test func broadcastingArithmetic() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(m + Tensor([10, 20, 30]) == Tensor([[11, 22, 33], [14, 25, 36]]))
        #expect(m * Tensor(shape: [2, 1], scalars: [2, -1]) == Tensor([[2, 4, 6], [-4, -5, -6]]))
        #expect(Tensor(shape: [2, 1], scalars: [1, 2]) - Tensor([1, 2, 3]) == Tensor([[0, -1, -2], [1, 0, -1]]))
        #expect(m / 2 == Tensor([[0.5, 1, 1.5], [2, 2.5, 3]]))
        #expect(1 - m == Tensor([[0, -1, -2], [-3, -4, -5]]))
        // General path: [2, 1, 3] with [2, 1] → [2, 2, 3].
        let a = Tensor(shape: [2, 1, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [2, 1], scalars: [10, 100])
        #expect((a + b).scalars == [11, 12, 13, 101, 102, 103, 14, 15, 16, 104, 105, 106])
    }

    @Test func sumToShapeUndoesBroadcast() {
        let g = Tensor.ones([4, 2, 3])
        #expect(g.sum(toShape: [3]) == Tensor([8, 8, 8]))
        #expect(g.sum(toShape: [2, 1]) == Tensor(shape: [2, 1], scalars: [12, 12]))
        #expect(g.sum(toShape: [4, 2, 3]) == g)
    }

    @Test func largeLoopsSplitAcrossCoresGiveSameResult() {
        var rng = SplitMix64(seed: 9)
        let x = Tensor.normal([300_000], using: &rng)
        let y = x.map { $0 * 2 + 1 }
        for i in stride(from: 0, to: 300_000, by: 9973) { #expect(y.scalars[i] == x.scalars[i] * 2 + 1) }
        var z = x
        z.add(x, scaledBy: -1)
        #expect(z.scalars.allSatisfy { $0 == 0 })
    }

    @Test func copiesAreIndependent() {
        let a = Tensor([1, 2, 3])
        var b = a
        b[0] = 9
        #expect(a.scalars == [1, 2, 3])
        #expect(b.scalars == [9, 2, 3])
    }
}
