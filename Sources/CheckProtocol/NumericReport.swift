import Foundation

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

    public init(what: String, shape: [Int], atol: Double, rtol: Double, maxAbsError: Double, maxRelError: Double,
                worstIndex: [Int], actualAtWorst: Double, expectedAtWorst: Double, mismatched: Int, count: Int) {
        self.what = what
        self.shape = shape
        self.atol = atol
        self.rtol = rtol
        self.maxAbsError = maxAbsError
        self.maxRelError = maxRelError
        self.worstIndex = worstIndex
        self.actualAtWorst = actualAtWorst
        self.expectedAtWorst = expectedAtWorst
        self.mismatched = mismatched
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case what, shape, atol, rtol, count, mismatched
        case maxAbsError = "max_abs_err", maxRelError = "max_rel_err", worstIndex = "worst_index"
        case actualAtWorst = "actual_at_worst", expectedAtWorst = "expected_at_worst"
    }

    /// One line for the learner, e.g.
    /// `softmax(x): 5 of 768 values outside tolerance; worst at [3, 17]: got 0.52, expected 0.489 (abs error 0.031, rel 6.3%)`.
    public var summary: String {
        let place = worstIndex.isEmpty ? "" : " at \(worstIndex)"
        let values = "got \(Self.format(actualAtWorst)), expected \(Self.format(expectedAtWorst))"
        if expectedAtWorst.isFinite && !actualAtWorst.isFinite {
            return "\(what): got \(Self.format(actualAtWorst))\(place) where a finite value was expected (\(Self.format(expectedAtWorst))); "
                + "\(mismatched) of \(count) values outside tolerance — look for a division by zero, log of 0 or overflow"
        }
        if mismatched == 0 {
            return "\(what): all \(count) values within tolerance (max abs error \(Self.format(maxAbsError))\(place))"
        }
        return "\(what): \(mismatched) of \(count) values outside tolerance atol \(Self.format(atol)) + rtol \(Self.format(rtol))·|expected|; "
            + "worst\(place): \(values) (max abs error \(Self.format(maxAbsError)), max rel error \(Self.format(maxRelError)))"
    }
}

extension NumericReport {
    /// Short number formatting for messages: up to 6 significant digits, `nan`, `inf`.
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return String(format: "%.6g", x)
    }
}
