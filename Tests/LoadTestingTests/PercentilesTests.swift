import Foundation
import Testing
@testable import LoadTesting

/// Percentiles against NumPy's `percentile` (default method "linear") on the samples in
/// Fixtures/percentiles.json (Scripts/fixtures/loadtest_percentiles.py).
@Suite struct PercentilesTests {
    struct Fixture: Decodable {
        struct Case: Decodable { let name: String; let values: [Double]; let percents: [Double]; let expected: [Double]; let mean: Double }
        let cases: [Case]
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/percentiles.json")
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    @Test func matchesNumPyLinear() throws {
        #expect(Self.fixture.cases.count == 7)
        for c in Self.fixture.cases {
            for (p, expected) in zip(c.percents, c.expected) {
                let got = try #require(Percentiles.percentile(c.values, p))
                #expect(abs(got - expected) <= 1e-9 * max(1, abs(expected)), "\(c.name) p\(p): \(got) vs numpy \(expected)")
            }
        }
    }

    @Test func summaryUsesTheSamePercentiles() throws {
        for c in Self.fixture.cases {
            let s = try #require(MetricSummary(c.values))
            let expected = Dictionary(uniqueKeysWithValues: zip(c.percents, c.expected))
            #expect(s.count == c.values.count)
            #expect(abs(s.p50 - expected[50]!) < 1e-9 * max(1, s.p50))
            #expect(abs(s.p95 - expected[95]!) < 1e-9 * max(1, s.p95))
            #expect(abs(s.p99 - expected[99]!) < 1e-9 * max(1, s.p99))
            #expect(s.min == expected[0]! && s.max == expected[100]!)
            #expect(abs(s.mean - c.mean) < 1e-9 * max(1, c.mean))
        }
        #expect(MetricSummary([]) == nil)
        #expect(Percentiles.percentile([], 50) == nil)
    }
}
