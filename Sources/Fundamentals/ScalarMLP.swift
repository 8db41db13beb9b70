import Tensors

/// A neuron, a layer and a multi-layer perceptron built from scalar ``Value``s.
///
/// Slow (one graph node per multiplication) but completely visible: every weight is a `Value`
/// whose `grad` the learner can print after `backward()`.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let net = ScalarMLP(sizes: [3, 4, 4, 1], rng: &rng)        // 3 inputs → 4 → 4 → 1 output
/// let loss = (net([Value(2), Value(3), Value(-1)])[0] - Value(1)).pow(2)
/// loss.backward()
/// for p in net.parameters { p.data -= 0.05 * p.grad }
/// ```
public struct ScalarNeuron {
    public let weights: [Value]
    public let bias: Value
    public let activates: Bool

    public init(inputs: Int, activates: Bool, rng: inout SplitMix64) {
        weights = (0..<inputs).map { _ in Value(rng.uniform(-1, 1)) }
        bias = Value(0)
        self.activates = activates
    }

    // ANCHOR: neuron
    /// tanh(w·x + b), or the plain weighted sum for an output neuron.
    public func callAsFunction(_ x: [Value]) -> Value {
        var sum = bias
        for (w, xi) in zip(weights, x) { sum = sum + w * xi }
        return activates ? sum.tanh() : sum
    }
    // ANCHOR_END: neuron

    public var parameters: [Value] { weights + [bias] }
}

/// Layers of ``ScalarNeuron``s: `sizes[0]` inputs → … → `sizes.last` outputs.
public struct ScalarMLP {
    public let layers: [[ScalarNeuron]]

    /// `sizes` = [inputs, hidden…, outputs]; hidden layers use tanh, the last layer is linear.
    public init(sizes: [Int], rng: inout SplitMix64) {
        var layers: [[ScalarNeuron]] = []
        for i in 0..<(sizes.count - 1) {
            let last = i == sizes.count - 2
            layers.append((0..<sizes[i + 1]).map { _ in ScalarNeuron(inputs: sizes[i], activates: !last, rng: &rng) })
        }
        self.layers = layers
    }

    public func callAsFunction(_ x: [Value]) -> [Value] {
        layers.reduce(x) { h, layer in layer.map { $0(h) } }
    }

    public var parameters: [Value] { layers.flatMap { $0.flatMap(\.parameters) } }
}
