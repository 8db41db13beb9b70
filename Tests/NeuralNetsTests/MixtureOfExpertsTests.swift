import Foundation
import Testing
import Autograd
import Tensors
@testable import NeuralNets

/// The mixture-of-experts layer against PyTorch with Mixtral's routing and transformers'
/// `load_balancing_loss_func` (Scripts/fixtures/moe.py): choices, gates, output, auxiliary loss and
/// every gradient, within 1e-4 (float64 there, float32 here).
@Suite("Mixture of experts against PyTorch and transformers")
struct MixtureOfExpertsTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/moe.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func floats(_ any: Any?) -> [Float] { (any as! [Double]).map(Float.init) }

    func expectClose(_ actual: Tensor?, _ expected: Any?, _ what: String, tolerance: Float = 1e-4) {
        let e = Self.floats(expected), a = actual?.scalars ?? []
        #expect(a.count == e.count, "\(what): \(a.count) values, expected \(e.count)")
        let worst = zip(a, e).map { Swift.abs($0 - $1) }.max() ?? .infinity
        #expect(worst < tolerance, "\(what): largest difference \(worst)")
    }

    /// The fixture's layer and input.
    func layer() -> (MixtureOfExperts, Variable) {
        let s = Self.fixture["shapes"] as! [String: Int]
        var rng = SplitMix64(seed: 0)
        let moe = MixtureOfExperts(inputs: s["C"]!, hidden: s["H"]!, outputs: s["O"]!, experts: s["E"]!, k: s["K"]!, rng: &rng)
        moe.router.gate.weight.value = Tensor(shape: [s["E"]!, s["C"]!], scalars: Self.floats(Self.fixture["router"]))
        for (expert, p) in zip(moe.experts, Self.fixture["experts"] as! [[String: Any]]) {
            expert.up.weight.value = Tensor(shape: [s["H"]!, s["C"]!], scalars: Self.floats(p["up_w"]))
            expert.up.bias!.value = Tensor(Self.floats(p["up_b"]))
            expert.down.weight.value = Tensor(shape: [s["O"]!, s["H"]!], scalars: Self.floats(p["down_w"]))
            expert.down.bias!.value = Tensor(Self.floats(p["down_b"]))
        }
        return (moe, Variable(Tensor(shape: [s["N"]!, s["C"]!], scalars: Self.floats(Self.fixture["x"])), requiresGrad: true))
    }

    @Test(arguments: [false, true]) func matchesPyTorch(dense: Bool) {
        let (moe, x) = layer()
        let (output, routing) = dense ? moe.dense(x) : moe(x)
        #expect(routing.chosen == (Self.fixture["chosen"] as! [[Int]]))
        expectClose(routing.gates.value, Self.fixture["gates"], "gates")
        expectClose(output.value, Self.fixture["output"], "output")
        let aux = loadBalancingLoss(routing)
        #expect(Swift.abs(aux.value.scalar - Float(Self.fixture["aux"] as! Double)) < 1e-5)
        let loss = (output * output).sum() + aux * 0.5
        #expect(Swift.abs(loss.value.scalar - Float(Self.fixture["loss"] as! Double)) < 1e-3)
        loss.backward()
        expectClose(x.grad, Self.fixture["grad_x"], "∂x")
        expectClose(moe.router.gate.weight.grad, Self.fixture["grad_router"], "∂router")
        for (expert, g) in zip(moe.experts, Self.fixture["grad_experts"] as! [[String: Any]]) {
            expectClose(expert.up.weight.grad, g["up_w"], "∂up.weight")
            expectClose(expert.up.bias!.grad, g["up_b"], "∂up.bias")
            expectClose(expert.down.weight.grad, g["down_w"], "∂down.weight")
            expectClose(expert.down.bias!.grad, g["down_b"], "∂down.bias")
        }
    }

    @Test func balancingLossIsKWhenBalancedAndGrowsWhenCollapsed() {
        // Four tokens, two experts, k = 1: uniform probabilities and an even split give exactly k.
        let even = TopKRouter.Routing(probabilities: Variable(Tensor(shape: [4, 2], scalars: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])),
                                      gates: Variable(Tensor.zeros([4, 2])), chosen: [[0], [1], [0], [1]], k: 1)
        #expect(Swift.abs(loadBalancingLoss(even).value.scalar - 1) < 1e-6)
        let collapsed = TopKRouter.Routing(probabilities: Variable(Tensor(shape: [4, 2], scalars: [1, 0, 1, 0, 1, 0, 1, 0])),
                                           gates: Variable(Tensor.zeros([4, 2])), chosen: [[0], [0], [0], [0]], k: 1)
        #expect(Swift.abs(loadBalancingLoss(collapsed).value.scalar - 2) < 1e-6)   // E·k
    }

    @Test func topKBreaksTiesTowardTheLowerIndex() {
        #expect(TopKRouter.topK([0.2, 0.4, 0.4, 0.0][...], k: 2) == [1, 2])
        #expect(TopKRouter.topK([0.1, 0.3, 0.6][1...], k: 1) == [1])   // positions within the slice
    }
}
