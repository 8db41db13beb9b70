import Testing
import Tensors
@testable import Autograd

/// Every differentiable operation's gradient against central finite differences.
@Suite struct GradientCheckTests {
    func random(_ shape: [Int], seed: UInt64, low: Float = -1, high: Float = 1) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return Tensor.uniform(shape, low: low, high: high, using: &rng)
    }

    func expectGradients(_ inputs: [Tensor], _ f: ([Variable]) -> Variable) {
        let report = GradientCheck.run(inputs: inputs, function: f)
        #expect(report.passed, "\(report)")
    }

    @Test func arithmeticWithBroadcasting() {
        let a = random([3, 4], seed: 1), b = random([4], seed: 2), c = random([3, 1], seed: 3, low: 0.5, high: 2)
        expectGradients([a, b]) { $0[0] + $0[1] }
        expectGradients([a, b]) { $0[0] - $0[1] }
        expectGradients([a, b]) { $0[0] * $0[1] }
        expectGradients([a, c]) { $0[0] / $0[1] }
        expectGradients([a]) { -$0[0] * 3 + 2 }
        expectGradients([a]) { 1 - $0[0] / 4 }
    }

    @Test func elementwiseFunctions() {
        let x = random([2, 5], seed: 4)
        let positive = random([2, 5], seed: 5, low: 0.5, high: 2)
        expectGradients([x]) { $0[0].exp() }
        expectGradients([positive]) { $0[0].log() }
        expectGradients([positive]) { $0[0].sqrt() }
        expectGradients([positive]) { $0[0].pow(1.5) }
        expectGradients([x]) { $0[0].squared() }
        expectGradients([x]) { $0[0].tanh() }
        expectGradients([x]) { $0[0].sigmoid() }
        // Away from the kink at 0, where the derivative jumps.
        let offZero = x.map { $0 >= 0 ? $0 + 0.1 : $0 - 0.1 }
        expectGradients([offZero]) { $0[0].relu() }
        expectGradients([offZero]) { $0[0].abs() }
    }

    @Test func matrixProducts() {
        let a = random([3, 4], seed: 6), b = random([4, 5], seed: 7)
        expectGradients([a, b]) { $0[0].matmul($0[1]) }
        expectGradients([a, random([5, 4], seed: 8)]) { $0[0].matmul($0[1], transposeOther: true) }
        expectGradients([random([4, 3], seed: 9), b]) { $0[0].matmul($0[1], transposeSelf: true) }
        expectGradients([random([4, 3], seed: 10), random([5, 4], seed: 11)]) {
            $0[0].matmul($0[1], transposeSelf: true, transposeOther: true)
        }
        // Batched, and a shared weight on a batch.
        expectGradients([random([2, 3, 4], seed: 12), random([2, 4, 2], seed: 13)]) { $0[0].matmul($0[1]) }
        expectGradients([random([2, 3, 4], seed: 14), random([4, 2], seed: 15)]) { $0[0].matmul($0[1]) }
        expectGradients([random([2, 3, 4], seed: 16), random([2, 5, 4], seed: 17)]) { $0[0].matmul($0[1], transposeOther: true) }
    }

    @Test func reductions() {
        let x = random([3, 4], seed: 18)
        expectGradients([x]) { $0[0].sum() }
        expectGradients([x]) { $0[0].mean() }
        expectGradients([x]) { $0[0].sum(axis: 0) }
        expectGradients([x]) { $0[0].mean(axis: 1, keepDims: true) }
        expectGradients([random([2, 3, 4], seed: 19)]) { $0[0].max(axis: 1) }
    }

    @Test func softmaxFamily() {
        let x = random([3, 5], seed: 20, low: -2, high: 2)
        expectGradients([x]) { $0[0].softmax() }
        expectGradients([x]) { $0[0].logSoftmax() }
        expectGradients([x]) { $0[0].softmax(axis: 0) }
        expectGradients([random([2, 3, 4], seed: 21)]) { $0[0].logSoftmax(axis: 1) }
    }

    @Test func shapeOperations() {
        let x = random([2, 3, 4], seed: 22)
        expectGradients([x]) { $0[0].reshaped([6, 4]) }
        expectGradients([x]) { $0[0].permuted([2, 0, 1]) }
        expectGradients([x]) { $0[0].transposed() }
        expectGradients([x]) { $0[0].transposed(0, 2) }
        expectGradients([random([3, 1], seed: 23)]) { $0[0].broadcast(to: [2, 3, 4]) }
        expectGradients([x, random([2, 3, 2], seed: 24)]) { Variable.concatenate([$0[0], $0[1]], axis: 2) }
        expectGradients([x]) { $0[0].split(sizes: [1, 3], axis: -1)[1] }
        expectGradients([x]) { $0[0].slice(1..<3, axis: 1) }
        expectGradients([random([4, 3], seed: 25)]) { $0[0].indexSelect([2, 0, 2, 3]) }
        expectGradients([random([3, 3], seed: 26)]) { $0[0].maskedFill(keepWhere: Tensor.causalMask(3), with: -5) }
    }
}
