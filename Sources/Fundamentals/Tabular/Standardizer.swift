/// Z-score normalization, like scikit-learn's `StandardScaler`: each feature column becomes
/// `z = (x − μ) / σ`, with the mean `μ` and the population standard deviation
/// `σ = √(Σ (x − μ)² / n)` of that column in the data the standardizer was fitted on.
///
/// Fit it on the training rows only and apply the same `μ` and `σ` to the test rows: test data
/// stands for samples the model has not seen, and statistics computed from it would leak
/// information about them into training.
///
/// A constant column (`σ = 0`) is divided by 1 instead, so it becomes all zeros rather than NaN.
///
/// ```swift
/// let scaler = Standardizer(fitting: trainRows)   // [n][d] → means [d], deviations [d]
/// let z = scaler.transform(testRows)               // [m][d]
/// ```
public struct Standardizer: Sendable, Equatable {
    /// `μ` per feature.
    public let means: [Double]
    /// `σ` per feature (1 where the column was constant).
    public let deviations: [Double]

    public init(means: [Double], deviations: [Double]) {
        precondition(means.count == deviations.count, "Standardizer: \(means.count) means, \(deviations.count) deviations")
        self.means = means
        self.deviations = deviations
    }

    // ANCHOR: fit
    /// The column statistics of `rows` (`[n][d]`, n ≥ 1).
    public init(fitting rows: [[Double]]) {
        precondition(!rows.isEmpty, "Standardizer: cannot fit on zero rows")
        let d = rows[0].count, n = Double(rows.count)
        var means = [Double](repeating: 0, count: d)
        for row in rows { for j in 0..<d { means[j] += row[j] } }
        for j in 0..<d { means[j] /= n }
        // A second pass over the centered values: more accurate than Σx² − nμ².
        var variances = [Double](repeating: 0, count: d)
        for row in rows { for j in 0..<d { variances[j] += (row[j] - means[j]) * (row[j] - means[j]) } }
        self.init(means: means, deviations: variances.map { v in v > 0 ? (v / n).squareRoot() : 1 })
    }

    /// `(x − μ) / σ` for one row.
    public func transform(_ row: [Double]) -> [Double] {
        precondition(row.count == means.count, "Standardizer: a row of \(row.count) values for \(means.count) features")
        return row.indices.map { (row[$0] - means[$0]) / deviations[$0] }
    }
    // ANCHOR_END: fit

    /// `transform(_:)` for every row.
    public func transform(_ rows: [[Double]]) -> [[Double]] { rows.map { transform($0) } }
}
