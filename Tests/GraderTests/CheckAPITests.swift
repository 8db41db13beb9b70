import LLMCourseKit
import Testing

@Suite("Check API")
struct CheckAPITests {
    @Test func expectCloseReportsTheWorstElementPerAxis() throws {
        var c = CheckContext(seed: 1, checkName: "t")
        let expected: [Float] = [1, 2, 3, 4, 5, 6]
        var actual = expected
        actual[4] = 5.5        // [1, 1] in a [2, 3] shape
        actual[0] = 1.00001    // within tolerance
        do {
            try c.expectClose(actual, expected, shape: [2, 3], atol: 1e-4, rtol: 1e-4, "f(x)")
            Issue.record("expected a failure")
        } catch let failure as CheckFailure {
            let numeric = try #require(failure.numeric)
            #expect(numeric.worstIndex == [1, 1])
            #expect(numeric.mismatched == 1)
            #expect(numeric.count == 6)
            #expect(abs(numeric.maxAbsError - 0.5) < 1e-6)
            #expect(abs(numeric.maxRelError - 0.1) < 1e-6)
            #expect(numeric.actualAtWorst == 5.5 && numeric.expectedAtWorst == 5)
            #expect(failure.message.hasPrefix("f(x): 1 of 6 values outside tolerance"))
            #expect(failure.message.contains("worst at [1, 1]: got 5.5, expected 5"))
        }
    }

    @Test func nanWhereANumberWasExpectedFails() {
        var c = CheckContext(seed: 1, checkName: "t")
        #expect(throws: CheckFailure.self) { try c.expectClose([Float.nan, 1], [0, 1]) }
        #expect(throws: CheckFailure.self) { try c.expectClose([Float.infinity], [1]) }
        #expect(throws: Never.self) { try c.expectClose([Float.nan], [Float.nan]) }
    }

    @Test func passingComparisonsStillRecordTheirError() throws {
        var c = CheckContext(seed: 1, checkName: "t")
        try c.expectClose([1.0, 2.0000001], [1.0, 2.0] as [Double])
        let worst = try #require(c.worstComparison)
        #expect(worst.mismatched == 0)
        #expect(worst.maxAbsError > 0 && worst.maxAbsError < 1e-6)
    }

    @Test func shapesAndCountsAreCheckedBeforeValues() {
        var c = CheckContext(seed: 1, checkName: "t")
        #expect(throws: CheckFailure.self) { try c.expectClose(Tensor.zeros([2, 3]), Tensor.zeros([3, 2])) }
        #expect(throws: CheckFailure.self) { try c.expectClose([Float](repeating: 0, count: 3), [0, 0]) }
        #expect(throws: CheckFailure.self) { try c.expectClose([[1, 2], [3]], [[1, 2], [3, 4]] as [[Float]]) }
        do {
            try c.expectShape([4, 3], [4, 5], "linear(x)")
        } catch let failure as CheckFailure {
            #expect(failure.message == "linear(x).shape: got [4, 3], expected [4, 5]")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func gradientCheckAcceptsTheRightDerivativeAndRejectsAWrongOne() {
        var c = CheckContext(seed: 3, checkName: "gradient")
        let x = c.floats(6, in: -2...2)
        let f: ([Float]) -> Float = { v in v.reduce(0) { $0 + $1 * $1 * $1 } }   // Σ x³
        let right = x.map { 3 * $0 * $0 }
        let wrong = x.map { 2 * $0 }
        #expect(throws: Never.self) { try c.expectGradient(of: f, at: x, equals: right) }
        #expect(throws: CheckFailure.self) { try c.expectGradient(of: f, at: x, equals: wrong) }
        let numeric = CheckContext.numericalGradient(of: { (v: [Double]) in v[0] * v[1] }, at: [3, 5])
        #expect(abs(numeric[0] - 5) < 1e-6 && abs(numeric[1] - 3) < 1e-6)
    }

    @Test func inputsDependOnlyOnTheSeedAndTheCheckName() {
        var a = CheckContext(seed: 42, checkName: "matches the library")
        var b = CheckContext(seed: 42, checkName: "matches the library")
        var other = CheckContext(seed: 42, checkName: "another check")
        var reseeded = CheckContext(seed: 43, checkName: "matches the library")
        let first = a.floats(8)
        #expect(first == b.floats(8))
        #expect(first != other.floats(8))
        #expect(first != reseeded.floats(8))
        #expect(first.allSatisfy { (-1...1).contains($0) })
        let shape = a.shape(rank: 3, maxDimension: 4)
        #expect(shape.count == 3 && shape.allSatisfy { (1...4).contains($0) })
        #expect((0..<100).map { _ in a.int(in: 2...5) }.allSatisfy { (2...5).contains($0) })
        #expect(a.tensor([2, 3]).shape == [2, 3])
    }

    @Test func suitesKeepOrderAndTotalPoints() {
        let suite = CheckSuite()
        suite.check("first") { _ in }
        suite.check("second", points: 3) { _ in }
        #expect(suite.checks.map(\.name) == ["first", "second"])
        #expect(suite.maxScore == 4)
    }
}
