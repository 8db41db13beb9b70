import Foundation

/// NumPy's answers for the statistics and linear-algebra tests
/// (Scripts/fixtures/math_for_ml.py made Fixtures/math_for_ml.json).
struct MathFixture: Decodable {
    struct Stats: Decodable {
        let x, y: [Double]
        let mean_x, var_x, var_x_unbiased, cov_xy, cov_xy_unbiased, corr_xy: Double
        let quantiles, quantiles_x: [Double]
    }
    struct Gaussian: Decodable { let x: [Double]; let mean, variance, log_likelihood: Double }
    struct CategoricalCase: Decodable {
        let labels: [Int]
        let frequencies, logits: [Double]
        let nll_at_frequencies, cross_entropy: Double
    }
    struct Eigen: Decodable { let matrix: [[Double]]; let values_by_magnitude: [Double]; let vectors_by_magnitude: [[Double]] }
    struct SVD: Decodable {
        let data, right_vectors: [[Double]]
        let singular_values, mean, explained_variance: [Double]
        let total_variance: Double
    }
    struct LSE: Decodable { let z: [Double]; let value: Double; let log_softmax: [Double] }

    let statistics: Stats
    let gaussian: Gaussian
    let categorical: CategoricalCase
    let eigen: Eigen
    let svd: SVD
    let logsumexp: [LSE]

    static let shared: MathFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/math_for_ml.json")
        return try! JSONDecoder().decode(MathFixture.self, from: Data(contentsOf: url))
    }()
}

/// |a − e| ≤ tol·max(1, |e|).
func close(_ a: Double, _ e: Double, _ tol: Double = 1e-10) -> Bool { abs(a - e) <= tol * max(1, abs(e)) }

/// Unit vectors equal up to sign.
func sameDirection(_ a: [Double], _ b: [Double], _ tol: Double = 1e-8) -> Bool {
    let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    return abs(abs(dot) - 1) < tol
}
