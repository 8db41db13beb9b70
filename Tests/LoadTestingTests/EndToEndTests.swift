import Foundation
import Testing
@testable import LoadTesting

/// The whole runner against ``TestServer``: exact counts, and TTFT/latency at least the
/// server's deliberate sleeps. Nothing here asserts an upper bound on time.
@Suite struct EndToEndTests {
    static let models = TestServer.Reply.plain(status: 200, body: #"{"object":"list","data":[{"id":"test-model","object":"model"}]}"#)

    static func config(_ url: String, requests: Int, concurrency: Int, warmup: Int = 0) -> LoadTestConfiguration {
        var c = LoadTestConfiguration(server: url)
        c.requests = requests
        c.concurrency = concurrency
        c.warmup = warmup
        c.maxTokens = 5
        c.promptTokens = 16
        c.timeout = 10
        return c
    }

    @Test func countsRequestsAndTokensExactlyAndTTFTIsAtLeastTheDelay() throws {
        let server = try TestServer { request in
            request.path == "/v1/models" ? Self.models
                : .stream(texts: [" a", " b", " c", " d", " e"], firstDelay: 0.05, delay: 0.01)
        }
        defer { server.stop() }
        let report = try LoadTestRunner.run(Self.config(server.url, requests: 6, concurrency: 3, warmup: 1))
        #expect(report.model == "test-model")
        #expect(report.succeeded == 6 && report.failed == 0 && report.rejected == 0)
        #expect(report.outputTokens == 30)
        #expect(report.outputTokensPerRequest?.min == 5 && report.outputTokensPerRequest?.max == 5)
        let ttft = try #require(report.ttftMs), latency = try #require(report.latencyMs)
        #expect(ttft.count == 6 && ttft.min >= 50)
        #expect(latency.min >= 50 + 4 * 10)  // first delay + four gaps
        #expect(report.tpotMs?.count == 6)
        #expect(report.requestsPerSecond > 0 && report.outputTokensPerSecond > 0)

        // 1 model lookup + 1 warm-up + 6 measured; the body is what the brief of the API asks for.
        let requests = server.requests
        #expect(requests.count == 8)
        #expect(requests.filter { $0.path == "/v1/completions" }.count == 7)
        let body = try #require(requests.last { $0.method == "POST" }?.body)
        #expect("\(body["model"]!)" == "test-model")
        #expect("\(body["max_tokens"]!)" == "5")
        #expect("\(body["stream"]!)" == "1" && "\(body["ignore_eos"]!)" == "1" && "\(body["temperature"]!)" == "0")
        #expect("\(body["prompt"]!)".split(separator: " ").count == 16)
        // The JSON report round-trips.
        let decoded = try JSONDecoder().decode(LoadTestReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(report.table().contains("TTFT (ms)"))
    }

    @Test func usageCountWinsAndChatSkipsTheRoleChunk() throws {
        let server = try TestServer { request in
            request.path == "/v1/models" ? Self.models
                : .stream(texts: ["x", "y", "z"], firstDelay: 0, delay: 0.001, usage: request.path.contains("chat") ? nil : 7,
                          chat: request.path.contains("chat"), chunked: request.path.contains("chat"))
        }
        defer { server.stop() }
        // Completions, body until close (no chunking), final usage chunk: 7 tokens each.
        let plain = try LoadTestRunner.run(Self.config(server.url, requests: 3, concurrency: 2))
        #expect(plain.succeeded == 3 && plain.outputTokens == 21)
        // Chat: three content deltas after a role-only chunk: 3 tokens each.
        var chat = Self.config(server.url, requests: 4, concurrency: 4)
        chat.api = .chat
        chat.model = "given"
        let report = try LoadTestRunner.run(chat)
        #expect(report.succeeded == 4 && report.outputTokens == 12 && report.model == "given")
        let body = try #require(server.requests.last?.body)
        #expect("\(body["messages"]!)".contains("user"))
    }

    @Test func connectionRefusedSaysToStartAServer() throws {
        let port = try TestServer.freePort()
        #expect(throws: LoadTestError.connectionRefused(url: "http://127.0.0.1:\(port)")) {
            try LoadTestRunner.run(Self.config("http://127.0.0.1:\(port)", requests: 2, concurrency: 1))
        }
        #expect(LoadTestError.connectionRefused(url: "http://127.0.0.1:8080").description
                == "no server at http://127.0.0.1:8080 — start one with `llmcourse serve MODEL`")
        // With --model and no warm-up the requests themselves fail, each with that message.
        var c = Self.config("http://127.0.0.1:\(port)", requests: 2, concurrency: 2)
        c.model = "m"
        let report = try LoadTestRunner.run(c)
        #expect(report.failed == 2 && report.errors.keys.first?.hasPrefix("no server at") == true)
    }

    @Test func tooManyRequestsCountAsRejectedAndOtherStatusesAsFailed() throws {
        let counter = Counter()
        let server = try TestServer { request in
            if request.path == "/v1/models" { return Self.models }
            switch counter.next() % 3 {
            case 0: return .plain(status: 429, headers: ["Retry-After: 2"], body: #"{"error":"queue full"}"#)
            case 1: return .plain(status: 500, body: #"{"error":"out of memory"}"#)
            default: return .stream(texts: ["ok"], firstDelay: 0, delay: 0)
            }
        }
        defer { server.stop() }
        let report = try LoadTestRunner.run(Self.config(server.url, requests: 9, concurrency: 3))
        #expect(report.rejected == 3 && report.failed == 3 && report.succeeded == 3)
        #expect(report.errors["HTTP 429 Too Many Requests (Retry-After: 2)"] == 3)
        #expect(report.errors[#"HTTP 500: {"error":"out of memory"}"#] == 3)
        #expect(report.tpotMs == nil)  // one token per request: no gap to measure
    }

    @Test func aSilentServerTimesOut() throws {
        let server = try TestServer { request in
            request.path == "/v1/models" ? Self.models : .stream(texts: ["late"], firstDelay: 1.5, delay: 0)
        }
        defer { server.stop() }
        var c = Self.config(server.url, requests: 1, concurrency: 1)
        c.timeout = 0.2
        let report = try LoadTestRunner.run(c)
        #expect(report.failed == 1 && report.errors == ["server sent nothing for 0.2 s": 1])
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = -1
    func next() -> Int { lock.withLock { value += 1; return value } }
}
