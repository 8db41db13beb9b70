import Foundation
import Autograd
import Tensors

/// Layer normalization over the last axis (Ba et al. 2016).
///
/// `y = (x − μ) / √(σ² + ε) · γ + β`, with mean `μ` and (biased) variance `σ²` of each row.
/// Shapes: `x: […, C]`, `weight` (γ) and `bias` (β): `[C]`. Initialized γ = 1, β = 0.
/// GPT-2 uses ε = 1e-5.
public final class LayerNorm: Module {
    public let weight: Variable
    public let bias: Variable
    public let epsilon: Float

    public init(_ dimensions: Int, epsilon: Float = 1e-5) {
        weight = Variable(.ones([dimensions]), requiresGrad: true)
        bias = Variable(.zeros([dimensions]), requiresGrad: true)
        self.epsilon = epsilon
    }

    public var ownParameters: [(name: String, parameter: Variable)] { [("weight", weight), ("bias", bias)] }

    public func callAsFunction(_ x: Variable) -> Variable {
        layerNorm(x, weight: weight, bias: bias, epsilon: epsilon)
    }
}

// ANCHOR: layerNorm
/// Layer norm as one graph node. With `x̂ = (x − μ)·r`, `r = 1/√(σ² + ε)`, row length `C`,
/// and `d = g·γ`: `∂x = r · (d − mean(d) − x̂ · mean(d·x̂))`, `∂γ = Σ_rows g·x̂`, `∂β = Σ_rows g`.
public func layerNorm(_ x: Variable, weight: Variable, bias: Variable, epsilon: Float = 1e-5) -> Variable {
    let c = x.value.shape.last ?? 1
    let rows = x.value.count / Swift.max(c, 1)
    precondition(weight.value.shape == [c] && bias.value.shape == [c],
                 "layerNorm: input \(x.value.shape) needs weight and bias [\(c)], got \(weight.value.shape), \(bias.value.shape)")
    var inverseStd = [Float](repeating: 0, count: rows)
    var normalized = Tensor.zeros([0])                                // x̂, kept for the backward pass
    // One pass per row: statistics, x̂, and y = x̂·γ + β.
    let out = Tensor(shape: x.value.shape) { y in
        normalized = Tensor(shape: x.value.shape) { xh in
            x.value.scalars.withUnsafeBufferPointer { input in
                weight.value.scalars.withUnsafeBufferPointer { gamma in
                    bias.value.scalars.withUnsafeBufferPointer { beta in
                        for r in 0..<rows {
                            let row = input.baseAddress! + r * c, xhRow = xh.baseAddress! + r * c, yRow = y.baseAddress! + r * c
                            var mean: Float = 0
                            for i in 0..<c { mean += row[i] }
                            mean /= Float(c)
                            var variance: Float = 0
                            for i in 0..<c { let d = row[i] - mean; variance += d * d }
                            let inv = 1 / (variance / Float(c) + epsilon).squareRoot()
                            inverseStd[r] = inv
                            for i in 0..<c {
                                let v = (row[i] - mean) * inv
                                xhRow[i] = v
                                yRow[i] = v * gamma[i] + beta[i]
                            }
                        }
                    }
                }
            }
        }
    }
    let xHat = normalized, inverses = inverseStd
    return Variable(out, operation: "layer-norm", parents: [x, weight, bias]) { g in
        // ∂γ and ∂β are column sums over the rows; ∂x is per row. One pass over g does all three.
        var dGamma = [Float](repeating: 0, count: c), dBeta = [Float](repeating: 0, count: c)
        let dx = Tensor(shape: x.value.shape) { dx in
            g.scalars.withUnsafeBufferPointer { g in
                xHat.scalars.withUnsafeBufferPointer { xh in
                    weight.value.scalars.withUnsafeBufferPointer { gamma in
                        for r in 0..<rows {
                            let base = r * c
                            var meanD: Float = 0, meanDX: Float = 0
                            for i in 0..<c {
                                let gi = g[base + i], xi = xh[base + i]
                                dGamma[i] += gi * xi
                                dBeta[i] += gi
                                let d = gi * gamma[i]
                                meanD += d
                                meanDX += d * xi
                            }
                            meanD /= Float(c); meanDX /= Float(c)
                            let inv = inverses[r]
                            for i in 0..<c {
                                dx[base + i] = inv * (g[base + i] * gamma[i] - meanD - xh[base + i] * meanDX)
                            }
                        }
                    }
                }
            }
        }
        if weight.requiresGrad { weight.accumulateGrad(Tensor(shape: [c], scalars: dGamma)) }
        if bias.requiresGrad { bias.accumulateGrad(Tensor(shape: [c], scalars: dBeta)) }
        if x.requiresGrad { x.accumulateGrad(dx) }
    }
}
// ANCHOR_END: layerNorm

/// Root-mean-square normalization over the last axis (Zhang & Sennrich 2019), used by Llama.
///
/// `y = x / √(mean(x²) + ε) · γ` — no mean subtraction, no bias. Shapes: `x: […, C]`, `weight: [C]`.
public final class RMSNorm: Module {
    public let weight: Variable
    public let epsilon: Float

    public init(_ dimensions: Int, epsilon: Float = 1e-6) {
        weight = Variable(.ones([dimensions]), requiresGrad: true)
        self.epsilon = epsilon
    }

    public var ownParameters: [(name: String, parameter: Variable)] { [("weight", weight)] }

    public func callAsFunction(_ x: Variable) -> Variable { rmsNorm(x, weight: weight, epsilon: epsilon) }
}

/// RMS norm as one graph node. With `r = 1/√(mean(x²) + ε)`, `x̂ = x·r`, `d = g·γ`:
/// `∂x = r · (d − x̂ · mean(d·x̂))`, `∂γ = Σ_rows g·x̂`.
public func rmsNorm(_ x: Variable, weight: Variable, epsilon: Float = 1e-6) -> Variable {
    let c = x.value.shape.last ?? 1
    let rows = x.value.count / Swift.max(c, 1)
    precondition(weight.value.shape == [c], "rmsNorm: input \(x.value.shape) needs weight [\(c)], got \(weight.value.shape)")
    var inverseRMS = [Float](repeating: 0, count: rows)
    let normalized = Tensor(shape: x.value.shape) { xh in
        x.value.scalars.withUnsafeBufferPointer { input in
            for r in 0..<rows {
                let row = input.baseAddress! + r * c, out = xh.baseAddress! + r * c
                var meanSquare: Float = 0
                for i in 0..<c { meanSquare += row[i] * row[i] }
                let inv = 1 / (meanSquare / Float(c) + epsilon).squareRoot()
                inverseRMS[r] = inv
                for i in 0..<c { out[i] = row[i] * inv }
            }
        }
    }
    let out = normalized * weight.value
    return Variable(out, operation: "rms-norm", parents: [x, weight]) { g in
        if weight.requiresGrad { weight.accumulateGrad((g * normalized).reshaped([rows, c]).sum(axis: 0)) }
        guard x.requiresGrad else { return }
        let dx = Tensor(shape: x.value.shape) { dx in
            g.scalars.withUnsafeBufferPointer { g in
                normalized.scalars.withUnsafeBufferPointer { xh in
                    weight.value.scalars.withUnsafeBufferPointer { gamma in
                        for r in 0..<rows {
                            let base = r * c
                            var meanDX: Float = 0
                            for i in 0..<c { meanDX += g[base + i] * gamma[i] * xh[base + i] }
                            meanDX /= Float(c)
                            for i in 0..<c {
                                dx[base + i] = inverseRMS[r] * (g[base + i] * gamma[i] - xh[base + i] * meanDX)
                            }
                        }
                    }
                }
            }
        }
        x.accumulateGrad(dx)
    }
}
