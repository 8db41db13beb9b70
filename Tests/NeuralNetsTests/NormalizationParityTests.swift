import Foundation
import Testing
import Autograd
import Tensors
@testable import NeuralNets

/// BatchNorm and LayerNorm against `torch.nn.BatchNorm1d` and `torch.nn.LayerNorm`
/// (Scripts/fixtures/normalization_parity.py): outputs, gradients of input, γ and β, and the
/// running mean and variance after each training batch, all within 1e-5.
@Suite("Normalization against torch.nn")
struct NormalizationParityTests {
    nonisolated(unsafe) static let fixture: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/normalization.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func floats(_ any: Any?) -> [Float] { (any as! [Double]).map(Float.init) }

    func expectClose(_ actual: [Float], _ expected: Any?, _ what: String, tolerance: Float = 1e-5) {
        let e = Self.floats(expected)
        #expect(actual.count == e.count, "\(what): \(actual.count) values, expected \(e.count)")
        let worst = zip(actual, e).map { Swift.abs($0 - $1) }.max() ?? 0
        #expect(worst < tolerance, "\(what): largest difference \(worst)")
    }

    @Test func batchNormTrainingEvaluationAndRunningStatistics() {
        let bn = Self.fixture["batch_norm"] as! [String: Any]
        let channels = bn["channels"] as! Int
        let norm = BatchNorm(channels)
        norm.weight.value = Tensor(Self.floats(bn["weight"]))
        norm.bias.value = Tensor(Self.floats(bn["bias"]))
        for (k, step) in (bn["train"] as! [[String: Any]]).enumerated() {
            let xs = Self.floats(step["x"])
            let x = Variable(Tensor(shape: [xs.count / channels, channels], scalars: xs), requiresGrad: true)
            norm.zeroGrad()
            let y = norm(x)
            y.backward(seed: Tensor(shape: y.value.shape, scalars: Self.floats(step["upstream"])))
            expectClose(y.value.scalars, step["y"], "train batch \(k): y")
            expectClose(x.grad!.scalars, step["dx"], "train batch \(k): dx")
            expectClose(norm.weight.grad!.scalars, step["dweight"], "train batch \(k): dγ")
            expectClose(norm.bias.grad!.scalars, step["dbias"], "train batch \(k): dβ")
            expectClose(norm.runningMean, step["running_mean"], "train batch \(k): running mean")
            expectClose(norm.runningVariance, step["running_var"], "train batch \(k): running variance")
        }
        norm.setTraining(false)
        let eval = bn["eval"] as! [String: Any]
        let xs = Self.floats(eval["x"])
        let x = Variable(Tensor(shape: [xs.count / channels, channels], scalars: xs), requiresGrad: true)
        norm.zeroGrad()
        let before = norm.runningMean
        let y = norm(x)
        y.backward(seed: Tensor(shape: y.value.shape, scalars: Self.floats(eval["upstream"])))
        expectClose(y.value.scalars, eval["y"], "eval: y")
        expectClose(x.grad!.scalars, eval["dx"], "eval: dx")
        expectClose(norm.weight.grad!.scalars, eval["dweight"], "eval: dγ")
        expectClose(norm.bias.grad!.scalars, eval["dbias"], "eval: dβ")
        #expect(norm.runningMean == before, "evaluation must not move the running statistics")
    }

    @Test func batchNormGradientsAgreeWithFiniteDifferences() {
        var rng = SplitMix64(seed: 5)
        let x = Tensor.normal([6, 3], using: &rng), gamma = Tensor.normal([3], using: &rng), beta = Tensor.normal([3], using: &rng)
        let report = GradientCheck.run(inputs: [x, gamma, beta]) { v in batchNormTraining(v[0], weight: v[1], bias: v[2]).output }
        #expect(report.passed, "\(report)")
    }

    @Test func layerNormMatchesPyTorch() {
        let ln = Self.fixture["layer_norm"] as! [String: Any]
        let (rows, width) = (ln["rows"] as! Int, ln["width"] as! Int)
        let norm = LayerNorm(width)
        norm.weight.value = Tensor(Self.floats(ln["weight"]))
        norm.bias.value = Tensor(Self.floats(ln["bias"]))
        let x = Variable(Tensor(shape: [rows, width], scalars: Self.floats(ln["x"])), requiresGrad: true)
        let y = norm(x)
        y.backward(seed: Tensor(shape: [rows, width], scalars: Self.floats(ln["upstream"])))
        expectClose(y.value.scalars, ln["y"], "layer norm: y")
        expectClose(x.grad!.scalars, ln["dx"], "layer norm: dx")
        expectClose(norm.weight.grad!.scalars, ln["dweight"], "layer norm: dγ")
        expectClose(norm.bias.grad!.scalars, ln["dbias"], "layer norm: dβ")
    }
}
