import Testing
@testable import LoadTesting

@Suite struct RequestTimingTests {
    @Test func ttftTpotAndLatencyFromTimestamps() throws {
        // Sent at 10.0 s; tokens at 10.25, 10.30, 10.35, 10.45; done at 10.5.
        let t = try #require(RequestTiming.from(start: 10.0, tokenTimes: [10.25, 10.30, 10.35, 10.45], end: 10.5))
        #expect(abs(t.ttft - 0.25) < 1e-12)
        #expect(abs(t.tpot! - 0.2 / 3) < 1e-12)   // (10.45 − 10.25) / (4 − 1)
        #expect(abs(t.latency - 0.5) < 1e-12)
        #expect(t.outputTokens == 4)
    }

    @Test func reportedTokenCountSpreadsTheSameSpan() throws {
        // Two events that carried 9 tokens between them (the server's usage count wins).
        let t = try #require(RequestTiming.from(start: 0, tokenTimes: [0.1, 0.9], end: 1, tokens: 9))
        #expect(t.outputTokens == 9)
        #expect(abs(t.tpot! - 0.1) < 1e-12)
    }

    @Test func edgeCases() throws {
        #expect(RequestTiming.from(start: 0, tokenTimes: [], end: 1) == nil)
        let one = try #require(RequestTiming.from(start: 0, tokenTimes: [0.3], end: 0.4))
        #expect(one.tpot == nil && one.ttft == 0.3 && one.outputTokens == 1)
    }

    @Test func promptsAreSeededAndSized() {
        let a = PromptMaker.prompt(tokens: 50, seed: 1, index: 0)
        #expect(a == PromptMaker.prompt(tokens: 50, seed: 1, index: 0))
        #expect(a != PromptMaker.prompt(tokens: 50, seed: 1, index: 1))
        #expect(a != PromptMaker.prompt(tokens: 50, seed: 2, index: 0))
        #expect(a.split(separator: " ").count == 50)
    }

    @Test func serverURLs() throws {
        #expect(try ServerURL(parsing: "http://127.0.0.1:8080") == ServerURL(host: "127.0.0.1", port: 8080))
        #expect(try ServerURL(parsing: "localhost:8000/v1/") == ServerURL(host: "localhost", port: 8000))
        #expect(try ServerURL(parsing: "http://box/proxy") == ServerURL(host: "box", port: 80, basePath: "/proxy"))
        #expect(try ServerURL(parsing: "http://[::1]:9000").authority == "[::1]:9000")
        #expect(throws: LoadTestError.unsupportedScheme("https")) { try ServerURL(parsing: "https://api.example.com") }
        #expect(throws: LoadTestError.self) { try ServerURL(parsing: "http://host:notaport") }
    }
}
