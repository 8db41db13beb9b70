/// The checks of one exercise: named, ordered, each worth some points.
///
/// An exercise's `Checks.swift` defines one function, `registerChecks(_:)`, that the grader
/// calls with an empty suite. Each check receives a ``CheckContext`` holding a seeded random
/// generator and the expectations (`expectClose`, `expectShape`, `expectGradient`, …). The
/// first failed expectation ends that check; the others still run. A check's points count
/// only when the whole check passes, so partial credit comes from splitting an exercise into
/// several checks.
///
/// ```swift
/// import LLMCourseKit
///
/// func registerChecks(_ suite: CheckSuite) {
///     suite.check("rows sum to one", zh: "每一列的總和為 1", points: 1) { c in
///         let x = c.floats(8, in: -4...4)
///         try c.expectClose(softmax(x).reduce(0, +), 1, atol: 1e-5)
///     }
///     suite.check("matches the library on random inputs", points: 2) { c in
///         for _ in 0..<20 {
///             let x = c.floats(c.int(in: 1...32), in: -10...10)
///             try c.expectClose(softmax(x), Tensor(x).softmax().scalars, "softmax(x)")
///         }
///     }
/// }
/// ```
public final class CheckSuite {
    /// One registered check.
    public struct Check {
        public let name: String
        /// The name in Traditional Chinese, shown to learners who read in zh-TW.
        public let nameZh: String?
        public let points: Int
        let body: (inout CheckContext) throws -> Void
    }

    public private(set) var checks: [Check] = []

    public init() {}

    /// Registers a check. Checks run in the order they are registered.
    /// - Parameters:
    ///   - name: shown to the learner; keep it a short statement of the property, e.g.
    ///     "matches the library on random inputs". Names must be unique within the suite.
    ///   - zh: the same name in Traditional Chinese (Taiwan), for learners reading in zh-TW.
    ///     The English name stays the check's identity (its seed and `LLMCOURSE_CHECK_ONLY`).
    ///   - points: what passing this check is worth (at least 1).
    ///   - body: the check; throw (through any `expect…`) to fail it.
    public func check(_ name: String, zh: String? = nil, points: Int = 1, _ body: @escaping (inout CheckContext) throws -> Void) {
        precondition(points >= 1, "check \"\(name)\": points must be at least 1, got \(points)")
        precondition(!checks.contains { $0.name == name }, "check \"\(name)\" is registered twice; names must be unique")
        checks.append(Check(name: name, nameZh: zh, points: points, body: body))
    }

    /// Total points of all checks.
    public var maxScore: Int { checks.reduce(0) { $0 + $1.points } }
}

/// The seed a check's generator starts from: the run's seed mixed with a hash of the check's
/// name, so adding or reordering checks does not change the inputs of the others.
func checkSeed(runSeed: UInt64, name: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325     // FNV-1a, 64-bit
    for byte in name.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return runSeed ^ hash
}
