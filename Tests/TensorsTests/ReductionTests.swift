import Testing
@testable import Tensors

@Suite struct ReductionTests {
    let x = Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])

    @Test func sumsAndMeans() {
        #expect(x.sum().scalar == 21)
        #expect(x.sum(axis: 0) == Tensor([5, 7, 9]))
        #expect(x.sum(axis: 1, keepDims: true) == Tensor(shape: [2, 1], scalars: [9, 12]))
        #expect(x.mean(axis: -1) == Tensor([3, 4]))
        #expect(x.sum(axes: [0, 1]).scalar == 21)
        #expect(x.mean().scalar == 3.5)
    }

    @Test func maxAndArgmax() {
        #expect(x.max(axis: 1) == Tensor([5, 6]))
        #expect(x.argmax(axis: 1) == [1, 2])
        #expect(x.max(axis: 0, keepDims: true) == Tensor(shape: [1, 3], scalars: [4, 5, 6]))
        #expect(x.argmax(axis: 0) == [1, 0, 1])
    }

    @Test func softmaxMatchesKnownValues() {
        // Worked example: softmax of [1.5, -1.8, 0.9, -3.2].
        let p = Tensor([1.5, -1.8, 0.9, -3.2]).softmax()
        #expect(p.isClose(to: Tensor([0.6270, 0.0231, 0.3441, 0.0057]), rtol: 0, atol: 1e-4))
        let cooler = (Tensor([1.5, -1.8, 0.9, -3.2]) / 0.5).softmax()
        #expect(cooler.isClose(to: Tensor([0.7677, 0.0010, 0.2312, 0.0001]), rtol: 0, atol: 1e-4))
    }

    @Test func softmaxIsStableForHugeLogits() {
        let p = Tensor([1000, 1000, -1000]).softmax()
        #expect(p.isClose(to: Tensor([0.5, 0.5, 0]), atol: 1e-7))
        let lp = Tensor([1000, 0]).logSoftmax()
        #expect(lp.isClose(to: Tensor([0, -1000]), atol: 1e-3))
        #expect(Tensor([1000, 0]).logSumExp().scalar == 1000)
    }

    @Test func softmaxAlongFirstAxis() {
        let p = x.softmax(axis: 0)
        #expect(p.sum(axis: 0).isClose(to: Tensor([1, 1, 1])))
        #expect(Swift.abs(p[0, 0] - 1 / (1 + Float(3).exp())) < 1e-6)
    }

    @Test func fullyMaskedRowHasNoNaNInLogSumExpPath() {
        let masked = Tensor([0, 0]).maskedFill(keepWhere: Tensor([1, 0]), with: -.infinity)
        #expect(masked.softmax() == Tensor([1, 0]))
    }
}

private extension Float { func exp() -> Float { Tensor(self).exp().scalar } }
