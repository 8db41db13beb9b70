import Foundation

/// Why a check failed: thrown by every `expect…` of ``CheckContext``.
///
/// `numeric` carries the error statistics of a tolerance comparison, which the grader puts
/// into the verdict's per-check `numeric` field.
public struct CheckFailure: Error, CustomStringConvertible {
    public var message: String
    public var numeric: NumericReport?

    public init(_ message: String, numeric: NumericReport? = nil) {
        self.message = message
        self.numeric = numeric
    }

    public var description: String { message }
}

/// Error statistics of one comparison of computed values against expected ones.
///
/// An element is within tolerance when `|actual − expected| ≤ atol + rtol · |expected|`
/// (the rule of NumPy's `allclose`). A NaN or infinity where a finite value was expected is
/// always outside.
public struct NumericReport: Codable, Sendable, Equatable {
    /// What was compared, e.g. "softmax(x)".
    public var what: String
    /// Shape of the compared values (`[n]` for a plain array).
    public var shape: [Int]
    public var atol: Double
    public var rtol: Double
    public var maxAbsError: Double
    public var maxRelError: Double
    /// Index (one entry per axis) of the element with the largest error beyond tolerance,
    /// or the largest absolute error when everything is within tolerance.
    public var worstIndex: [Int]
    public var actualAtWorst: Double
    public var expectedAtWorst: Double
    /// How many elements are outside tolerance, out of `count`.
    public var mismatched: Int
    public var count: Int

    enum CodingKeys: String, CodingKey {
        case what, shape, atol, rtol, count, mismatched
        case maxAbsError = "max_abs_err", maxRelError = "max_rel_err", worstIndex = "worst_index"
        case actualAtWorst = "actual_at_worst", expectedAtWorst = "expected_at_worst"
    }

    /// One line for the learner, e.g.
    /// `softmax(x): 5 of 768 values outside tolerance; worst at [3, 17]: got 0.52, expected 0.489 (abs error 0.031, rel 6.3%)`.
    public var summary: String {
        let place = worstIndex.isEmpty ? "" : " at \(worstIndex)"
        let values = "got \(format(actualAtWorst)), expected \(format(expectedAtWorst))"
        if expectedAtWorst.isFinite && !actualAtWorst.isFinite {
            return "\(what): got \(format(actualAtWorst))\(place) where a finite value was expected (\(format(expectedAtWorst))); "
                + "\(mismatched) of \(count) values outside tolerance — look for a division by zero, log of 0 or overflow"
        }
        if mismatched == 0 {
            return "\(what): all \(count) values within tolerance (max abs error \(format(maxAbsError))\(place))"
        }
        return "\(what): \(mismatched) of \(count) values outside tolerance atol \(format(atol)) + rtol \(format(rtol))·|expected|; "
            + "worst\(place): \(values) (max abs error \(format(maxAbsError)), max rel error \(format(maxRelError)))"
    }
}

/// Short number formatting for messages: up to 6 significant digits, `nan`, `inf`.
func format(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return String(format: "%.6g", x)
}
