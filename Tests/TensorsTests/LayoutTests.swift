import Testing
@testable import Tensors

@Suite struct LayoutTests {
    @Test func transposeAndPermute() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        #expect(m.transposed() == Tensor([[1, 4], [2, 5], [3, 6]]))
        let t = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Float.init))
        let p = t.permuted([2, 0, 1])                       // [4, 2, 3]
        #expect(p.shape == [4, 2, 3])
        #expect(p[3, 1, 2] == t[1, 2, 3])
        #expect(p.permuted([1, 2, 0]) == t)
        #expect(t.transposed(0, 2)[3, 2, 1] == t[1, 2, 3])
    }

    @Test func reshapeInfersOneAxis() {
        let t = Tensor.zeros([2, 3, 4])
        #expect(t.reshaped([-1, 4]).shape == [6, 4])
        #expect(t.expandingDims(at: 1).shape == [2, 1, 3, 4])
        #expect(t.expandingDims(at: 1).squeezed().shape == [2, 3, 4])
    }

    @Test func indexSelectGatherSlice() {
        let table = Tensor([[0, 1], [10, 11], [20, 21]])
        #expect(table.indexSelect([2, 0, 2]) == Tensor([[20, 21], [0, 1], [20, 21]]))
        #expect(table.indexSelect([1], axis: 1) == Tensor(shape: [3, 1], scalars: [1, 11, 21]))
        #expect(table.gather(lastAxis: [1, 0, 1]) == Tensor([1, 10, 21]))
        #expect(table.slice(1..<3) == Tensor([[10, 11], [20, 21]]))
    }

    @Test func concatenateAndSplitRoundTrip() {
        let a = Tensor([[1, 2], [3, 4]]), b = Tensor([[5], [6]])
        let joined = Tensor.concatenate([a, b], axis: 1)
        #expect(joined == Tensor([[1, 2, 5], [3, 4, 6]]))
        let parts = joined.split(sizes: [2, 1], axis: 1)
        #expect(parts[0] == a && parts[1] == b)
        #expect(Tensor.concatenate([a, a], axis: 0).shape == [4, 2])
        let thirds = Tensor.arange(0, 6).split(into: 3)
        #expect(thirds.map(\.scalars) == [[0, 1], [2, 3], [4, 5]])
    }

    @Test func causalMaskAndMaskedFill() {
        let mask = Tensor.causalMask(3)
        #expect(mask == Tensor([[1, 0, 0], [1, 1, 0], [1, 1, 1]]))
        let scores = Tensor.ones([2, 3, 3]).maskedFill(keepWhere: mask, with: -.infinity)
        #expect(scores[1, 0, 1] == -.infinity && scores[1, 1, 1] == 1)
    }
}
