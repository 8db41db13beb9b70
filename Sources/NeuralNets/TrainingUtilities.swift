import Foundation
import Autograd
import Tensors

/// Learning rate with linear warm-up then cosine decay (as Hugging Face's
/// `get_cosine_schedule_with_warmup`, plus an optional floor).
///
/// - `s < warmup`: `peak · s / warmup`
/// - `warmup ≤ s < total`: `floor + (peak − floor) · ½(1 + cos(π · (s − warmup)/(total − warmup)))`
/// - `s ≥ total`: `floor`
///
/// Example: peak 2e-4, warm-up 10, total 20 → `lr(11) = 1.9510565e-4`.
public struct WarmupCosineSchedule: Sendable {
    public let peak: Float, floor: Float
    public let warmupSteps: Int, totalSteps: Int

    public init(peak: Float, warmupSteps: Int, totalSteps: Int, floor: Float = 0) {
        precondition(warmupSteps >= 0 && totalSteps >= warmupSteps,
                     "WarmupCosineSchedule: need 0 ≤ warmup (\(warmupSteps)) ≤ total (\(totalSteps))")
        self.peak = peak
        self.floor = floor
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
    }

    // ANCHOR: schedule
    /// The learning rate at step `s` (counting from 0).
    public func learningRate(at s: Int) -> Float {
        if s < warmupSteps { return peak * Float(s) / Float(warmupSteps) }
        if s >= totalSteps { return floor }
        let progress = Double(s - warmupSteps) / Double(Swift.max(totalSteps - warmupSteps, 1))
        return floor + (peak - floor) * Float(0.5 * (1 + cos(Double.pi * progress)))
    }
    // ANCHOR_END: schedule
}

/// Scales all gradients together so their global L2 norm is at most `maxNorm` (PyTorch's
/// `clip_grad_norm_`): `g ← g · maxNorm / (‖g‖ + 1e-6)` when `‖g‖ > maxNorm`.
/// Returns the norm before clipping (worth logging: spikes warn of instability).
@discardableResult
public func clipGradientNorm(_ parameters: [Variable], maxNorm: Float) -> Float {
    var total: Double = 0
    for p in parameters { if let g = p.grad { for v in g.scalars { total += Double(v) * Double(v) } } }
    let norm = Float(total.squareRoot())
    let factor = maxNorm / (norm + 1e-6)
    if factor < 1 {
        for p in parameters where p.grad != nil { p.grad!.scale(by: factor) }
    }
    return norm
}

/// A multi-layer perceptron: `Linear` layers with an activation between them (none after the last).
///
/// `MLP([64, 256, 256, 10], activation: .relu, rng: &rng)` is 64 → 256 → 256 → 10; its
/// parameters are named `layers.0.weight`, `layers.0.bias`, … .
public final class MLP: Module {
    public let layers: [Linear]

    public init(_ sizes: [Int], activation: Activation = .relu, rng: inout SplitMix64) {
        precondition(sizes.count >= 2, "MLP: need at least input and output sizes, got \(sizes)")
        var layers: [Linear] = []
        for i in 0..<(sizes.count - 1) {
            let last = i == sizes.count - 2
            layers.append(Linear(sizes[i], sizes[i + 1], activation: last ? .identity : activation, rng: &rng))
        }
        self.layers = layers
    }

    public var children: [(name: String, module: any Module)] {
        layers.enumerated().map { ("layers.\($0.offset)", $0.element) }
    }

    public func callAsFunction(_ x: Variable) -> Variable {
        layers.reduce(x) { h, layer in layer(h) }
    }
}
