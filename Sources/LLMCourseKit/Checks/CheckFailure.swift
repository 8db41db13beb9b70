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
