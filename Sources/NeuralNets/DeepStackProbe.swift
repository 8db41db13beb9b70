import Foundation
import Autograd
import Tensors

/// Statistics of one layer of a deep stack at initialization.
public struct LayerStatistics: Sendable {
    /// 1 for the first layer.
    public let layer: Int
    /// Mean and standard deviation of the layer's activations over the batch and the units.
    public let mean: Double, std: Double
    /// Fraction of activations in the flat tails: |tanh| > 0.99, sigmoid outside (0.01, 0.99),
    /// or exactly 0 for ReLU — units whose derivative is (close to) 0.
    public let saturated: Double
    /// Standard deviation of `∂L/∂W` for this layer's weights.
    public let weightGradientStd: Double
}

// ANCHOR: probe
/// Sends a batch of standard-normal inputs `[batch, width]` through `depth` layers
/// `h ← f(h·Wᵀ)` (no biases) with weights drawn by `initialization`, and reports every layer's
/// activation statistics and, after backpropagating a random loss `L = Σ h_depth ∘ r`, its
/// weight-gradient spread. A good initialization keeps both roughly constant with depth.
public func probeDeepStack(depth: Int, width: Int, batch: Int, activation: Activation,
                           initialization: WeightInitialization, rng: inout SplitMix64) -> [LayerStatistics] {
    var h = Variable(.normal([batch, width], using: &rng))
    var weights: [Variable] = [], outputs: [Tensor] = []
    for _ in 0..<depth {
        let w = Variable(initialization.sample(fanIn: width, fanOut: width, using: &rng), requiresGrad: true)
        h = linear(h, weight: w, bias: nil, activation: activation)
        weights.append(w)
        outputs.append(h.value)
    }
    (h * Variable(.normal([batch, width], using: &rng))).sum().backward()
    return outputs.indices.map { i in
        let values = outputs[i].scalars.map(Double.init)
        let mean = values.reduce(0, +) / Double(values.count)
        let std = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        let saturated = Double(values.filter { isSaturated($0, activation) }.count) / Double(values.count)
        let grads = weights[i].grad?.scalars.map(Double.init) ?? [0]
        let gradMean = grads.reduce(0, +) / Double(grads.count)
        let gradStd = (grads.reduce(0) { $0 + ($1 - gradMean) * ($1 - gradMean) } / Double(grads.count)).squareRoot()
        return LayerStatistics(layer: i + 1, mean: mean, std: std, saturated: saturated, weightGradientStd: gradStd)
    }
}
// ANCHOR_END: probe

/// Whether an activation's output sits where its derivative is (about) zero.
func isSaturated(_ y: Double, _ activation: Activation) -> Bool {
    switch activation {
    case .tanh: return Swift.abs(y) > 0.99
    case .sigmoid: return y < 0.01 || y > 0.99
    case .relu: return y == 0
    default: return false
    }
}
