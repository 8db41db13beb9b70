import Tensors

/// What a check body receives: the seeded generator for its inputs and the expectations.
///
/// Every `expect…` throws a ``CheckFailure`` when it does not hold, which ends the check
/// (write `try`). The generator `rng` is seeded from the run's seed and the check's name, so
/// `llmcourse check <id> --seed N` reproduces exactly the inputs of a failed run.
public struct CheckContext {
    /// The run's seed (shown in the verdict; `--seed` sets it).
    public let seed: UInt64
    /// This check's own generator. Use it (or the helpers in `CheckContext+Random.swift`) for
    /// every random input, never the system generator, so failures can be replayed.
    public var rng: SplitMix64
    /// The numeric comparison with the largest error so far, reported even when the check passes.
    public internal(set) var worstComparison: NumericReport?

    public init(seed: UInt64, checkName: String) {
        self.seed = seed
        self.rng = SplitMix64(seed: checkSeed(runSeed: seed, name: checkName))
    }

    // MARK: Plain expectations

    /// Fails with `message` unless `condition` holds.
    public func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw CheckFailure(message()) }
    }

    /// Fails unless `actual == expected`, showing both.
    public func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String = "result") throws {
        if actual != expected {
            throw CheckFailure("\(what): got \(actual), expected \(expected)")
        }
    }

    /// Fails unless the shapes agree, e.g. "linear(x).shape: got [4, 3], expected [4, 5]".
    public func expectShape(_ actual: [Int], _ expected: [Int], _ what: String = "result") throws {
        if actual != expected {
            throw CheckFailure("\(what).shape: got \(actual), expected \(expected)")
        }
    }

    /// Fails unless the tensor has the expected shape.
    public func expectShape(_ actual: Tensor, _ expected: [Int], _ what: String = "result") throws {
        try expectShape(actual.shape, expected, what)
    }

    /// Fails when the learner's function traps or gives up by returning `nil`.
    @discardableResult
    public func expectValue<T>(_ value: T?, _ what: String = "result") throws -> T {
        guard let value else { throw CheckFailure("\(what): got nil, expected a value") }
        return value
    }

    // MARK: Numeric tolerance

    /// Compares element by element: each must satisfy `|actual − expected| ≤ atol + rtol·|expected|`.
    /// On failure the message names the worst element, its index (in `shape`, default `[count]`),
    /// both values and the max absolute and relative errors.
    public mutating func expectClose(_ actual: [Double], _ expected: [Double], shape: [Int]? = nil,
                                     atol: Double = 1e-5, rtol: Double = 1e-4, _ what: String = "result") throws {
        let shape = shape ?? [expected.count]
        if actual.count != expected.count {
            throw CheckFailure("\(what): got \(actual.count) values, expected \(expected.count) (shape \(shape))")
        }
        let report = NumericComparison.compare(actual, expected, shape: shape, atol: atol, rtol: rtol, what: what)
        if worstComparison == nil || report.maxAbsError > worstComparison!.maxAbsError || report.mismatched > 0 {
            worstComparison = report
        }
        if report.mismatched > 0 { throw CheckFailure(report.summary, numeric: report) }
    }

    /// `Float` arrays; the comparison itself is done in `Double`.
    public mutating func expectClose(_ actual: [Float], _ expected: [Float], shape: [Int]? = nil,
                                     atol: Float = 1e-5, rtol: Float = 1e-4, _ what: String = "result") throws {
        try expectClose(actual.map(Double.init), expected.map(Double.init), shape: shape,
                        atol: Double(atol), rtol: Double(rtol), what)
    }

    /// One `Float` value.
    public mutating func expectClose(_ actual: Float, _ expected: Float, atol: Float = 1e-5, rtol: Float = 1e-4,
                                     _ what: String = "result") throws {
        try expectClose([Double(actual)], [Double(expected)], shape: [], atol: Double(atol), rtol: Double(rtol), what)
    }

    /// One `Double` value.
    public mutating func expectClose(_ actual: Double, _ expected: Double, atol: Double = 1e-9, rtol: Double = 1e-7,
                                     _ what: String = "result") throws {
        try expectClose([actual], [expected], shape: [], atol: atol, rtol: rtol, what)
    }

    /// Tensors: the shapes must match first, then the values within tolerance.
    public mutating func expectClose(_ actual: Tensor, _ expected: Tensor, atol: Float = 1e-5, rtol: Float = 1e-4,
                                     _ what: String = "result") throws {
        try expectShape(actual.shape, expected.shape, what)
        try expectClose(actual.scalars, expected.scalars, shape: expected.shape, atol: atol, rtol: rtol, what)
    }

    /// Nested arrays (a matrix as rows): the row lengths must match first.
    public mutating func expectClose(_ actual: [[Float]], _ expected: [[Float]], atol: Float = 1e-5, rtol: Float = 1e-4,
                                     _ what: String = "result") throws {
        try expectShape([actual.count], [expected.count], what)
        for (row, (a, e)) in zip(actual, expected).enumerated() where a.count != e.count {
            throw CheckFailure("\(what)[\(row)]: got \(a.count) values, expected \(e.count)")
        }
        let cols = expected.first?.count ?? 0
        let shape = expected.allSatisfy({ $0.count == cols }) ? [expected.count, cols] : nil
        try expectClose(actual.flatMap { $0 }, expected.flatMap { $0 }, shape: shape, atol: atol, rtol: rtol, what)
    }
}
