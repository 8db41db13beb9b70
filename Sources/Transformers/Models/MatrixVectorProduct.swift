import Autograd
import Tensors

/// The decoding fast path: `x·Wᵀ (+ b)` for a handful of rows, as matrix–vector products.
///
/// While generating with a KV cache, every projection sees one row. A GEMM with a transposed
/// `[out, in]` weight then packs (copies) the whole weight matrix on every call — measured here,
/// 1536×576 took 1.45 ms as `sgemm` against 0.24 ms as `sgemv`, which reads each weight row once
/// and dots it with `x`. So for up to ``maximumRows`` rows, outside gradient recording, each
/// row is one `Tensor.gemv`; otherwise the call is NeuralNets' fused `linear`.
enum MatrixVectorProduct {
    static let maximumRows = 2

    /// Whether `x` qualifies: few rows and nothing to differentiate.
    static func applies(to x: Variable, weight: Variable) -> Bool {
        let rows = x.value.count / Swift.max(weight.shape[1], 1)
        return rows <= maximumRows && !(GradientMode.isEnabled && (x.requiresGrad || weight.requiresGrad))
    }

    /// `[…, in] · [out, in]ᵀ + bias → […, out]`, one GEMV per row.
    static func rowsTimesTransposed(_ x: Tensor, _ weight: Tensor, bias: Tensor?) -> Tensor {
        let (outFeatures, inFeatures) = (weight.shape[0], weight.shape[1])
        let rows = x.count / inFeatures
        return Tensor(shape: Array(x.shape.dropLast()) + [outFeatures]) { out in
            x.scalars.withUnsafeBufferPointer { xs in
                weight.scalars.withUnsafeBufferPointer { w in
                    for r in 0..<rows {
                        let y = out.baseAddress! + r * outFeatures
                        var beta: Float = 0
                        if let bias {
                            bias.scalars.withUnsafeBufferPointer { y.update(from: $0.baseAddress!, count: outFeatures) }
                            beta = 1
                        }
                        Tensor.gemv(m: outFeatures, n: inFeatures, a: w.baseAddress!, lda: inFeatures,
                                    x: xs.baseAddress! + r * inFeatures, beta: beta, y: y)
                    }
                }
            }
        }
    }
}
