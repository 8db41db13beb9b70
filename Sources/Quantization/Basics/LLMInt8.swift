import Tensors

/// LLM.int8() (Dettmers et al. 2022): a matrix product `Y = X·Wᵀ` split by outlier features.
///
/// ```
/// outliers O = { j : any |X[i, j]| ≥ threshold }                 (columns of X, inputs of W)
/// Y = X[:, O]·W[:, O]ᵀ                                            in floating point
///   + (sx ⊗ sw)/127² ∘ (Xq[:, ¬O]·Wq[:, ¬O]ᵀ)                     int8 codes, int32 sums
/// ```
/// with vector-wise absmax scales: one per row of `X` (`sx`) and one per row of `W` (`sw`).
/// Outlier features are few (≈0.1% of dimensions in large models) but large, and absmax over
/// a row containing one would crush every other value to 0.
///
/// ```swift
/// let product = try LLMInt8Product(x, weight: w)     // x [n, k], w [out, k]
/// product.output                                      // [n, out]
/// product.outlierColumns                              // e.g. [7, 91]
/// ```
public struct LLMInt8Product: Sendable {
    public let output: Tensor
    public let outlierColumns: [Int]

    // ANCHOR: llm-int8
    public init(_ x: Tensor, weight: Tensor, threshold: Float = 6.0) throws {
        guard x.rank == 2, weight.rank == 2, x.shape[1] == weight.shape[1] else {
            throw QuantizationError.shapeMismatch("LLM.int8() needs x [n, k] and weight [out, k], got \(x.shape) and \(weight.shape)")
        }
        guard threshold > 0 else { throw QuantizationError.invalidSetting("the outlier threshold must be positive, got \(threshold)") }
        try requireFinite(x.scalars, "the input x")
        try requireFinite(weight.scalars, "the weight")
        let (n, k, out) = (x.shape[0], x.shape[1], weight.shape[0])
        let outliers = (0..<k).filter { j in (0..<n).contains { abs(x.scalars[$0 * k + j]) >= threshold } }
        let regular = Array(Set(0..<k).subtracting(outliers)).sorted()
        outlierColumns = outliers

        // Floating-point part over the outlier features.
        var y = [Float](repeating: 0, count: n * out)
        if !outliers.isEmpty {
            let xo = Self.columns(outliers, of: x), wo = Self.columns(outliers, of: weight)
            y = xo.matmul(wo, transposeOther: true).scalars
        }
        // Int8 part: vector-wise absmax codes, exact integer dot products, one rescale per output.
        if !regular.isEmpty {
            let xq = try QuantizedMatrix(Self.columns(regular, of: x), scheme: .absmax, granularity: .row)
            let wq = try QuantizedMatrix(Self.columns(regular, of: weight), scheme: .absmax, granularity: .row)
            let r = regular.count
            for i in 0..<n {
                for o in 0..<out {
                    var sum: Int32 = 0
                    for j in 0..<r { sum &+= xq.codes[i * r + j] &* wq.codes[o * r + j] }
                    y[i * out + o] += Float(sum) * xq.steps[i] * wq.steps[o]
                }
            }
        }
        output = Tensor(shape: [n, out], scalars: y)
    }
    // ANCHOR_END: llm-int8

    /// The chosen columns of a `[rows, k]` matrix, `[rows, columns.count]`.
    static func columns(_ picked: [Int], of m: Tensor) -> Tensor {
        let (rows, k) = (m.shape[0], m.shape[1])
        return Tensor(shape: [rows, picked.count]) { out in
            for i in 0..<rows { for (c, j) in picked.enumerated() { out[i * picked.count + c] = m.scalars[i * k + j] } }
        }
    }
}
