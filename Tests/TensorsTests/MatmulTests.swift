import Testing
@testable import Tensors

@Suite struct MatmulTests {
    @Test func smallProductByHand() {
        let a = Tensor([[1, 2, 3], [4, 5, 6]])
        let b = Tensor([[7, 8], [9, 10], [11, 12]])
        #expect(a.matmul(b) == Tensor([[58, 64], [139, 154]]))
        #expect(a.matmulReference(b) == Tensor([[58, 64], [139, 154]]))
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 7), (17, 33, 9), (64, 48, 80), (129, 65, 31)])
    func blasMatchesReferenceLoop(m: Int, k: Int, n: Int) {
        var rng = SplitMix64(seed: UInt64(m * 1000 + k * 10 + n))
        let a = Tensor.normal([m, k], using: &rng)
        let b = Tensor.normal([k, n], using: &rng)
        let fast = a.matmul(b), slow = a.matmulReference(b)
        #expect(fast.shape == [m, n])
        #expect(fast.maxAbsDifference(slow) < 1e-4 * Float(k).squareRoot())
    }

    @Test func transposeFlagsMatchMaterialisedTransposes() {
        var rng = SplitMix64(seed: 3)
        let a = Tensor.normal([6, 4], using: &rng), b = Tensor.normal([5, 4], using: &rng)
        let expected = a.matmulReference(b.transposed())
        #expect(a.matmul(b, transposeOther: true).maxAbsDifference(expected) < 1e-5)
        let c = Tensor.normal([6, 3], using: &rng)
        #expect(a.matmul(c, transposeSelf: true).maxAbsDifference(a.transposed().matmulReference(c)) < 1e-5)
        #expect(a.transposed().matmul(b, transposeSelf: true, transposeOther: true)
            .maxAbsDifference(expected) < 1e-5)
    }

    @Test func emptyInnerDimensionGivesZeros() {
        #expect(Tensor.zeros([3, 0]).matmul(Tensor.zeros([0, 2])) == Tensor.zeros([3, 2]))
        #expect(Tensor.zeros([2, 3, 0]).matmul(Tensor.zeros([0, 2])).shape == [2, 3, 2])
    }

    @Test func batchedAndSharedWeightProducts() {
        var rng = SplitMix64(seed: 4)
        let x = Tensor.normal([2, 3, 4, 5], using: &rng)
        let w = Tensor.normal([5, 6], using: &rng)
        let y = x.matmul(w)
        #expect(y.shape == [2, 3, 4, 6])
        let rows = x.reshaped([24, 5]).matmulReference(w)
        #expect(y.reshaped([24, 6]).maxAbsDifference(rows) < 1e-5)

        let k = Tensor.normal([2, 3, 7, 5], using: &rng)
        let scores = x.matmul(k, transposeOther: true)               // [2, 3, 4, 7]
        #expect(scores.shape == [2, 3, 4, 7])
        let x11 = x.reshaped([6, 4, 5]).indexSelect([4]).reshaped([4, 5])
        let k11 = k.reshaped([6, 7, 5]).indexSelect([4]).reshaped([7, 5])
        let block = scores.reshaped([6, 4, 7]).indexSelect([4]).reshaped([4, 7])
        #expect(block.maxAbsDifference(x11.matmulReference(k11.transposed())) < 1e-5)
    }
}
