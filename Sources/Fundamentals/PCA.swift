/// Principal component analysis: the directions along which a cloud of points varies most,
/// found as the top eigenvectors of its covariance matrix, and the same numbers seen as the
/// singular value decomposition of the centered data.
///
/// ```
/// X [n, d]  →  centered X̃ = X − mean          C = X̃ᵀX̃ / n   [d, d]
/// C·u_k = λ_k·u_k  (λ₁ ≥ λ₂ ≥ …)               λ_k = the variance of the data along u_k
/// SVD X̃ = U·Σ·Vᵀ :  V's columns are the u_k,  σ_k = √(n·λ_k)
/// project x [d] → [(x − mean)·u₁, …, (x − mean)·u_k]
/// ```
///
/// The fraction λ_k / Σ λ says how much of the total variance a component keeps; a 2-D
/// picture of high-dimensional vectors is faithful when the first two fractions are large.
///
/// ```swift
/// let pca = PCA(rows: embeddings, components: 2)      // embeddings: [[Double]], n × d
/// let xy = embeddings.map { pca.project($0) }          // n × 2
/// let kept = pca.variances.reduce(0, +) / pca.totalVariance
/// ```
public struct PCA: Sendable {
    /// The mean row [d].
    public let mean: [Double]
    /// The principal directions, unit vectors [d] each, by decreasing variance.
    public let components: [[Double]]
    /// The variance along each component: the covariance's eigenvalues λ_k.
    public let variances: [Double]
    /// Σ of all variances, the trace of the covariance.
    public let totalVariance: Double
    /// √(n·λ_k): the singular values of the centered data matrix.
    public let singularValues: [Double]

    // ANCHOR: pca
    public init(rows x: [[Double]], components k: Int) {
        let n = Double(x.count), d = x[0].count
        let mu = (0..<d).map { j in x.reduce(0) { $0 + $1[j] } / n }
        let centered = x.map { row in zip(row, mu).map { $0 - $1 } }
        // C = X̃ᵀX̃ / n, [d, d]: entry (a, b) is the covariance of features a and b.
        var c = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for row in centered {
            for a in 0..<d { for b in 0..<d { c[a][b] += row[a] * row[b] / n } }
        }
        let pairs = PowerIteration.top(k, of: c)   // C is symmetric, λ ≥ 0
        mean = mu
        components = pairs.map(\.vector)
        variances = pairs.map(\.value)
        totalVariance = (0..<d).reduce(0) { $0 + c[$1][$1] }
        singularValues = pairs.map { (n * max($0.value, 0)).squareRoot() }
    }

    /// The coordinates of `x` [d] along the components, → [k].
    public func project(_ x: [Double]) -> [Double] {
        components.map { u in zip(zip(x, mean), u).reduce(0) { $0 + ($1.0.0 - $1.0.1) * $1.1 } }
    }
    // ANCHOR_END: pca
}
