import Foundation
import Testing
@testable import LoadTesting

/// The report from known outcomes: counts, throughput, summaries in milliseconds, the table.
@Suite struct LoadTestReportTests {
    static let outcomes: [RequestOutcome] = [
        .success(RequestTiming(ttft: 0.010, tpot: 0.002, latency: 0.050, outputTokens: 20)),
        .success(RequestTiming(ttft: 0.030, tpot: 0.004, latency: 0.110, outputTokens: 20)),
        .success(RequestTiming(ttft: 0.020, tpot: nil, latency: 0.020, outputTokens: 1)),
        .rejected(retryAfter: "1"),
        .rejected(retryAfter: "1"),
        .failed("server sent nothing for 5 s"),
    ]

    @Test func countsThroughputAndSummaries() throws {
        let report = LoadTestReport(config: LoadTestConfiguration(server: "http://h:1"), server: "http://h:1", model: "m",
                                    outcomes: Self.outcomes, duration: 2.0)
        #expect(report.succeeded == 3 && report.rejected == 2 && report.failed == 1)
        #expect(report.errors == ["HTTP 429 Too Many Requests (Retry-After: 1)": 2, "server sent nothing for 5 s": 1])
        #expect(report.outputTokens == 41)
        #expect(report.requestsPerSecond == 1.5 && report.outputTokensPerSecond == 20.5)
        let ttft = try #require(report.ttftMs)
        #expect(abs(ttft.p50 - 20) < 1e-9 && abs(ttft.min - 10) < 1e-9 && abs(ttft.max - 30) < 1e-9)
        #expect(abs(ttft.p95 - 29) < 1e-9)  // linear: 20 + 0.9 · (30 − 20)
        let tpot = try #require(report.tpotMs)
        #expect(tpot.count == 2 && abs(tpot.mean - 3) < 1e-9)  // the one-token request has no TPOT

        let table = report.table()
        #expect(table.contains("succeeded 3/6 · rejected (429) 2 · failed 1"))
        #expect(table.contains("1.50 requests/s · 20.5 output tokens/s · 41 tokens in 2.00 s"))
        #expect(table.contains("  2× HTTP 429 Too Many Requests (Retry-After: 1)"))
        let ttftRow = try #require(table.split(separator: "\n").first { $0.hasPrefix("TTFT (ms)") })
        #expect(ttftRow.split(separator: " ").suffix(6) == ["20.0", "29.0", "29.8", "10.0", "30.0", "20.0"])
    }
}
