import Testing
import Tensors
@testable import Autograd

@Suite struct VariableTests {
    @Test func worksLikeTheDocumentationExample() {
        let w = Variable(Tensor([[1, 2], [3, 4]]), requiresGrad: true)
        let x = Variable(Tensor(shape: [2, 1], scalars: [1, 1]))
        let loss = w.matmul(x).sum()
        #expect(loss.value.scalar == 10)
        loss.backward()
        #expect(w.grad == Tensor([[1, 1], [1, 1]]))
        #expect(x.grad == nil)
    }

    @Test func gradientsAccumulateUntilCleared() {
        let a = Variable(Tensor([2, 3]), requiresGrad: true)
        (a * a).sum().backward()
        (a * a).sum().backward()
        #expect(a.grad == Tensor([8, 12]))
        a.zeroGrad()
        (a * 3).sum().backward()
        #expect(a.grad == Tensor([3, 3]))
    }

    @Test func sharedNodeReceivesAllPaths() {
        // y = a·b + a: ∂y/∂a = b + 1.
        let a = Variable(Tensor([2]), requiresGrad: true), b = Variable(Tensor([5]), requiresGrad: true)
        let y = a * b + a
        y.sum().backward()
        #expect(a.grad == Tensor([6]))
        #expect(b.grad == Tensor([2]))
    }

    @Test func noGradModeRecordsNothing() {
        let a = Variable(Tensor([1, 2]), requiresGrad: true)
        let y = withNoGrad { (a * 2).sum() }
        #expect(!y.requiresGrad && y.parents.isEmpty)
        #expect(GradientMode.isEnabled)
        y.backward()
        #expect(a.grad == nil)
    }

    @Test func frozenParametersGetNoGradient() {
        let frozen = Variable(Tensor([1, 2]), requiresGrad: false)
        let trained = Variable(Tensor([3, 4]), requiresGrad: true)
        (frozen * trained).sum().backward()
        #expect(frozen.grad == nil)
        #expect(trained.grad == Tensor([1, 2]))
        // Only constants in: nothing is recorded.
        let constant = frozen * frozen
        #expect(!constant.requiresGrad)
    }

    @Test func deepChainsDoNotOverflowTheStack() {
        let x = Variable(Tensor([1]), requiresGrad: true)
        var y = x
        for _ in 0..<20_000 { y = y + 0.001 }
        y.sum().backward()
        #expect(x.grad == Tensor([1]))
        #expect(Swift.abs(y.value.scalar - 21) < 1e-2)
    }

    @Test func gradientCheckCatchesAWrongGradient() {
        // An op whose backward is deliberately off by a factor of 2 must fail the check.
        let report = GradientCheck.run(inputs: [Tensor([0.5, -0.3])]) { v in
            let x = v[0]
            return Variable(x.value * 3, operation: "wrong", parents: [x]) { g in x.accumulateGrad(g * 6) }
        }
        #expect(!report.passed)
    }
}
