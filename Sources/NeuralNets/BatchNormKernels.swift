/// Batch normalization's arithmetic on plain arrays (row-major `[N, C]`), one column at a time.
///
/// Batch norm normalizes each *feature* (column) over the *batch* (rows); layer norm does the
/// opposite, each row over its features. In training mode, for column `c`:
/// ```
/// μ_c  = (1/N) Σ_n x_nc                    batch mean
/// σ²_c = (1/N) Σ_n (x_nc − μ_c)²           batch variance (biased: divides by N)
/// x̂_nc = (x_nc − μ_c) / √(σ²_c + ε)
/// y_nc = γ_c · x̂_nc + β_c
/// ```
/// Backward, with `g = ∂L/∂y`, `d = g·γ` and `r_c = 1/√(σ²_c + ε)` — every `x_nc` also moves the
/// column's mean and variance, hence the two correction sums:
/// ```
/// ∂L/∂x_nc = (r_c / N) · (N·d_nc − Σ_k d_kc − x̂_nc · Σ_k d_kc·x̂_kc)
/// ∂L/∂γ_c  = Σ_n g_nc · x̂_nc,      ∂L/∂β_c = Σ_n g_nc
/// ```
/// ``BatchNorm`` wraps these in graph nodes; the `batchnorm-forward-backward` exercise asks for them.
public enum BatchNormKernels {
    /// What the training-mode forward pass computes and the backward pass needs.
    public struct Forward: Sendable {
        /// `y`, `[N, C]` row-major.
        public var output: [Float]
        /// `x̂`, `[N, C]` row-major.
        public var normalized: [Float]
        /// Batch mean and biased batch variance of each column, `[C]`.
        public var mean: [Float], variance: [Float]
        /// `1/√(σ² + ε)` of each column, `[C]`.
        public var inverseStd: [Float]
    }

    // ANCHOR: batchnorm-forward
    /// Training mode: normalize each column of `x` (`[rows, channels]`) by its batch statistics.
    public static func forward(_ x: [Float], rows: Int, channels: Int, gamma: [Float], beta: [Float],
                               epsilon: Float = 1e-5) -> Forward {
        precondition(x.count == rows * channels && gamma.count == channels && beta.count == channels && rows > 0,
                     "BatchNormKernels.forward: x must be [\(rows), \(channels)] with γ and β of length \(channels)")
        var result = Forward(output: x, normalized: x, mean: [], variance: [], inverseStd: [])
        for c in 0..<channels {
            var mean: Float = 0
            for n in 0..<rows { mean += x[n * channels + c] }
            mean /= Float(rows)
            var variance: Float = 0
            for n in 0..<rows { let d = x[n * channels + c] - mean; variance += d * d }
            variance /= Float(rows)
            let r = 1 / (variance + epsilon).squareRoot()
            for n in 0..<rows {
                let xHat = (x[n * channels + c] - mean) * r
                result.normalized[n * channels + c] = xHat
                result.output[n * channels + c] = gamma[c] * xHat + beta[c]
            }
            result.mean.append(mean)
            result.variance.append(variance)
            result.inverseStd.append(r)
        }
        return result
    }
    // ANCHOR_END: batchnorm-forward

    // ANCHOR: batchnorm-backward
    /// Training mode: the gradients with respect to `x` (`[rows, channels]`), `γ` and `β`.
    public static func backward(_ g: [Float], normalized xHat: [Float], inverseStd: [Float], gamma: [Float],
                                rows: Int, channels: Int) -> (dx: [Float], dGamma: [Float], dBeta: [Float]) {
        precondition(g.count == rows * channels && xHat.count == g.count, "BatchNormKernels.backward: shapes differ")
        var dx = [Float](repeating: 0, count: g.count)
        var dGamma = [Float](repeating: 0, count: channels), dBeta = dGamma
        for c in 0..<channels {
            var sumD: Float = 0, sumDXHat: Float = 0
            for n in 0..<rows {
                let i = n * channels + c
                dGamma[c] += g[i] * xHat[i]
                dBeta[c] += g[i]
                sumD += g[i] * gamma[c]
                sumDXHat += g[i] * gamma[c] * xHat[i]
            }
            let scale = inverseStd[c] / Float(rows)
            for n in 0..<rows {
                let i = n * channels + c
                dx[i] = scale * (Float(rows) * g[i] * gamma[c] - sumD - xHat[i] * sumDXHat)
            }
        }
        return (dx, dGamma, dBeta)
    }
    // ANCHOR_END: batchnorm-backward

    // ANCHOR: batchnorm-running
    /// PyTorch's running statistics after one training batch of `rows` rows, momentum `m`:
    /// `mean ← (1 − m)·mean + m·μ`, `var ← (1 − m)·var + m·σ²·N/(N − 1)` — the running variance
    /// uses the unbiased estimate, the normalization the biased one.
    public static func updateRunning(mean runningMean: inout [Float], variance runningVariance: inout [Float],
                                     batch: Forward, rows: Int, momentum: Float) {
        let unbias = rows > 1 ? Float(rows) / Float(rows - 1) : 1
        for c in runningMean.indices {
            runningMean[c] = (1 - momentum) * runningMean[c] + momentum * batch.mean[c]
            runningVariance[c] = (1 - momentum) * runningVariance[c] + momentum * batch.variance[c] * unbias
        }
    }
    // ANCHOR_END: batchnorm-running
}
