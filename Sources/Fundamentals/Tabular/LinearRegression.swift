import Tensors

/// Ordinary least squares: `ŷ = w·x + b`, fitted by the normal equations.
///
/// With a column of ones appended to the inputs (`X` is `[n, d+1]`, the last weight is the
/// intercept `b`), the weights that minimize the squared error `‖Xw − y‖²` solve
///
/// ```text
/// (XᵀX) w = Xᵀy          XᵀX [d+1, d+1], Xᵀy [d+1]
/// ```
///
/// `XᵀX` is symmetric and, when no feature is a linear combination of the others, positive
/// definite, so it factors as `UᵀU` (Cholesky) and two triangular solves give `w`. This is
/// what NumPy's `lstsq` returns for a full-rank `X` (it uses an SVD, slower but safe for
/// near-collinear columns).
///
/// ```swift
/// let model = try LinearRegression(fitting: xTrain, targets: yTrain)   // [n][d], [n]
/// let predictions = model.predict(xTest)
/// let r2 = RegressionMetrics.r2(predictions, yTest)   // Metrics.swift
/// ```
public struct LinearRegression: Sendable, Equatable {
    /// One weight per feature.
    public let weights: [Double]
    /// The intercept `b`.
    public let intercept: Double

    public init(weights: [Double], intercept: Double) {
        self.weights = weights
        self.intercept = intercept
    }

    // ANCHOR: normal-equations
    /// Least-squares fit of `targets` (`[n]`) on `rows` (`[n][d]`). Throws
    /// ``NotPositiveDefinite`` when the columns (with the intercept's column of ones) are
    /// linearly dependent, e.g. a constant feature or fewer rows than features.
    public init(fitting rows: [[Double]], targets: [Double]) throws(NotPositiveDefinite) {
        precondition(rows.count == targets.count && !rows.isEmpty, "LinearRegression: \(rows.count) rows, \(targets.count) targets")
        let d = rows[0].count + 1                    // features and the intercept's 1
        var gram = [Double](repeating: 0, count: d * d), moment = [Double](repeating: 0, count: d)
        for (row, y) in zip(rows, targets) {
            let x = row + [1]
            for i in 0..<d {
                moment[i] += x[i] * y                // Xᵀy
                for j in 0..<d { gram[i * d + j] += x[i] * x[j] }   // XᵀX
            }
        }
        // XᵀX = UᵀU: solve Uᵀz = Xᵀy (forward), then U w = z (backward).
        let u = try Cholesky.upperFactor(gram, n: d)
        var z = [Double](repeating: 0, count: d), w = [Double](repeating: 0, count: d)
        for i in 0..<d {
            var s = moment[i]
            for k in 0..<i { s -= u[k * d + i] * z[k] }
            z[i] = s / u[i * d + i]
        }
        for i in stride(from: d - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<d { s -= u[i * d + k] * w[k] }
            w[i] = s / u[i * d + i]
        }
        self.init(weights: Array(w.dropLast()), intercept: w[d - 1])
    }
    // ANCHOR_END: normal-equations

    /// `w·x + b` for one row.
    public func predict(_ row: [Double]) -> Double {
        precondition(row.count == weights.count, "LinearRegression: a row of \(row.count) values for \(weights.count) weights")
        return zip(weights, row).reduce(intercept) { $0 + $1.0 * $1.1 }
    }

    /// Predictions for every row.
    public func predict(_ rows: [[Double]]) -> [Double] { rows.map { predict($0) } }
}
