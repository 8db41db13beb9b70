import Foundation
import Testing
import Autograd
import Tensors
@testable import NeuralNets

/// The optimizer family against `torch.optim` (Scripts/fixtures/optimizer_parity.py): the same
/// least-squares problem, the same starting weights and hyper-parameters, twelve steps each, our
/// own forward and backward passes. Every parameter after every step agrees within 1e-5.
@Suite("Optimizers against torch.optim")
struct OptimizerParityTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/optimizers.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func floats(_ any: Any?) -> [Float] { (any as! [Double]).map(Float.init) }

    static func run(named name: String) -> [String: Any] {
        (fixture["runs"] as! [[String: Any]]).first { $0["name"] as! String == name }!
    }

    /// Replays one run; returns the largest difference from PyTorch's parameters over all steps.
    func replay(_ name: String, _ make: ([Variable]) -> any Optimizer) -> Float {
        let f = Self.fixture, run = Self.run(named: name)
        let x = Tensor(shape: [8, 4], scalars: Self.floats(f["x"])), y = Tensor(shape: [8, 3], scalars: Self.floats(f["y"]))
        let layer = Linear(weight: Tensor(shape: [3, 4], scalars: Self.floats(f["weight"])), bias: Tensor(Self.floats(f["bias"])))
        let optimizer = make([layer.weight, layer.bias!])
        let weights = run["weight"] as! [[Double]], biases = run["bias"] as! [[Double]], losses = run["loss"] as! [Double]
        var worst: Float = 0
        for step in weights.indices {
            optimizer.zeroGrad()
            let loss = meanSquaredError(layer(Variable(x)), y)
            loss.backward()
            optimizer.step()
            worst = Swift.max(worst, Swift.abs(loss.value.scalar - Float(losses[step])))
            for (a, e) in zip(layer.weight.value.scalars, weights[step]) { worst = Swift.max(worst, Swift.abs(a - Float(e))) }
            for (a, e) in zip(layer.bias!.value.scalars, biases[step]) { worst = Swift.max(worst, Swift.abs(a - Float(e))) }
        }
        return worst
    }

    @Test func sgd() {
        #expect(replay("sgd") { SGD($0, learningRate: 0.1) } < 1e-5)
    }

    @Test func sgdWithMomentum() {
        #expect(replay("sgd-momentum") { SGD($0, learningRate: 0.1, momentum: 0.9) } < 1e-5)
        #expect(replay("sgd-momentum-decay") { SGD($0, learningRate: 0.05, momentum: 0.9, weightDecay: 0.01) } < 1e-5)
    }

    @Test func rmsprop() {
        #expect(replay("rmsprop") { RMSprop($0, learningRate: 0.01, alpha: 0.99, epsilon: 1e-8) } < 1e-5)
        #expect(replay("rmsprop-momentum-decay") {
            RMSprop($0, learningRate: 0.005, alpha: 0.9, epsilon: 1e-6, weightDecay: 0.01, momentum: 0.9)
        } < 1e-5)
    }

    @Test func adamAndAdamW() {
        #expect(replay("adam") { Adam($0, learningRate: 0.01) } < 1e-5)
        #expect(replay("adam-l2") { Adam($0, learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1) } < 1e-5)
        #expect(replay("adamw") { Adam.adamW($0, learningRate: 0.01, weightDecay: 0.1) } < 1e-5)
    }

    /// The element-by-element rule (the one the lesson shows and the exercise asks for) on the
    /// same runs: it steps the flattened weight and bias arrays directly.
    @Test func readableAdamRuleMatchesPyTorch() {
        let cases: [(String, AdamRule)] = [
            ("adam", AdamRule(learningRate: 0.01)),
            ("adam-l2", AdamRule(learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1)),
            ("adamw", AdamRule(learningRate: 0.01, weightDecay: 0.1, decoupled: true)),
        ]
        for (name, rule) in cases {
            let wrapped = RuleOptimizer(rule: rule)
            #expect(replay(name) { wrapped.attach($0) } < 1e-5, "\(name)")
        }
    }
}

/// ``AdamRule`` as an ``Optimizer``, for the replay above.
final class RuleOptimizer: Optimizer {
    let rule: AdamRule
    var parameters: [Variable] = []
    var learningRate: Float { get { rule.learningRate } set {} }
    var moments: [([Float], [Float])] = []
    var t = 0

    init(rule: AdamRule) { self.rule = rule }

    func attach(_ parameters: [Variable]) -> RuleOptimizer {
        self.parameters = parameters
        moments = parameters.map { ([Float](repeating: 0, count: $0.value.count), [Float](repeating: 0, count: $0.value.count)) }
        return self
    }

    func step() {
        t += 1
        for (i, p) in parameters.enumerated() {
            var (m, v) = moments[i]
            let theta = rule.update(theta: p.value.scalars, grad: p.grad!.scalars, m: &m, v: &v, step: t)
            moments[i] = (m, v)
            p.value = Tensor(shape: p.value.shape, scalars: theta)
        }
    }
}
