/// The result of a load test, as `--json` prints it and the table shows it.
///
/// Times in the summaries are milliseconds. Throughput counts only successful requests over
/// the wall-clock time from the first request sent to the last response finished.
public struct LoadTestReport: Codable, Equatable, Sendable {
    public let server: String
    public let model: String
    public let configuration: LoadTestConfiguration
    /// Requests that streamed at least one token.
    public let succeeded: Int
    /// Requests refused with HTTP 429.
    public let rejected: Int
    /// Requests that failed otherwise (refused connection, timeout, other status, bad stream).
    public let failed: Int
    /// Each distinct failure message with how many requests ended with it.
    public let errors: [String: Int]
    public let durationSeconds: Double
    public let outputTokens: Int
    public let requestsPerSecond: Double
    public let outputTokensPerSecond: Double
    public let ttftMs: MetricSummary?
    public let tpotMs: MetricSummary?
    public let latencyMs: MetricSummary?
    /// Output tokens per request (equal to max_tokens when the server honors `ignore_eos`).
    public let outputTokensPerRequest: MetricSummary?

    public init(config: LoadTestConfiguration, server: String, model: String, outcomes: [RequestOutcome], duration: Double) {
        self.server = server
        self.model = model
        configuration = config
        let timings = outcomes.compactMap { outcome -> RequestTiming? in
            if case .success(let t) = outcome { return t }
            return nil
        }
        var errors: [String: Int] = [:]
        var rejected = 0
        for outcome in outcomes {
            switch outcome {
            case .success: break
            case .rejected(let retryAfter):
                rejected += 1
                errors["HTTP 429 Too Many Requests" + (retryAfter.map { " (Retry-After: \($0))" } ?? ""), default: 0] += 1
            case .failed(let message): errors[message, default: 0] += 1
            }
        }
        succeeded = timings.count
        self.rejected = rejected
        failed = outcomes.count - timings.count - rejected
        self.errors = errors
        durationSeconds = duration
        outputTokens = timings.map(\.outputTokens).reduce(0, +)
        requestsPerSecond = duration > 0 ? Double(timings.count) / duration : 0
        outputTokensPerSecond = duration > 0 ? Double(outputTokens) / duration : 0
        ttftMs = MetricSummary(timings.map { $0.ttft * 1000 })
        tpotMs = MetricSummary(timings.compactMap { $0.tpot.map { $0 * 1000 } })
        latencyMs = MetricSummary(timings.map { $0.latency * 1000 })
        outputTokensPerRequest = MetricSummary(timings.map { Double($0.outputTokens) })
    }
}

extension LoadTestReport {
    /// The terminal table:
    ///
    ///     metric          p50      p95      p99      min      max     mean
    ///     TTFT (ms)      41.2     80.3     95.0     30.1     97.4     45.0
    ///     ...
    public func table() -> String {
        let c = configuration
        var lines = [
            "server \(server) · model \(model) · \(c.api.path)",
            "\(c.requests) requests, \(c.concurrency) concurrent, prompt ≈\(c.promptTokens) tokens, max_tokens \(c.maxTokens), warm-up \(c.warmup), seed \(c.seed)",
            "",
        ]
        let columns = ["p50", "p95", "p99", "min", "max", "mean"]
        lines.append(pad("metric", 16, left: true) + columns.map { pad($0, 10) }.joined())
        let rows: [(String, MetricSummary?)] = [
            ("TTFT (ms)", ttftMs), ("TPOT (ms)", tpotMs), ("latency (ms)", latencyMs), ("output tokens", outputTokensPerRequest),
        ]
        for (name, summary) in rows {
            guard let s = summary else { lines.append(pad(name, 16, left: true) + pad("no samples", 10)); continue }
            // Token counts are whole numbers; an interpolated percentile or a mean gets one decimal.
            let counts = name == "output tokens"
            let cells = [s.p50, s.p95, s.p99, s.min, s.max, s.mean].map { x -> String in
                counts ? (x == x.rounded() ? String(Int(x)) : String(format: "%.1f", x)) : number(x)
            }
            lines.append(pad(name, 16, left: true) + cells.map { pad($0, 10) }.joined())
        }
        lines.append("")
        lines.append("succeeded \(succeeded)/\(succeeded + rejected + failed) · rejected (429) \(rejected) · failed \(failed)")
        lines.append("\(number(requestsPerSecond)) requests/s · \(number(outputTokensPerSecond)) output tokens/s · \(outputTokens) tokens in \(number(durationSeconds)) s")
        for (message, count) in errors.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
            lines.append("  \(count)× \(message)")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return left ? s + fill : fill + s
    }

    /// Three significant-ish digits: 0.412, 41.2, 412, 4120.
    private func number(_ x: Double) -> String {
        let a = abs(x)
        let decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", x)
    }
}

import Foundation
