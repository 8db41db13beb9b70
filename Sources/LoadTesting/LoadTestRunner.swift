import Foundation

/// What to run: where, how hard and with what requests.
public struct LoadTestConfiguration: Codable, Equatable, Sendable {
    public var server: String
    public var model: String?
    public var api: CompletionRequest.API = .completions
    /// Clients sending at the same time; each waits for its answer before sending the next.
    public var concurrency = 4
    /// Requests measured in total (warm-up requests come on top).
    public var requests = 32
    public var maxTokens = 64
    public var promptTokens = 128
    /// Requests sent one at a time before measuring, not counted (loads weights, fills caches).
    public var warmup = 1
    public var seed: UInt64 = 0
    /// Seconds allowed for connecting and for every wait for more bytes.
    public var timeout = 60.0

    public init(server: String) { self.server = server }
}

/// A snapshot for the progress line.
public struct LoadTestProgress: Sendable {
    public let done: Int
    public let total: Int
    public let errors: Int
    public let outputTokens: Int
    public let elapsed: Double
    public var tokensPerSecond: Double { elapsed > 0 ? Double(outputTokens) / elapsed : 0 }
}

/// Closed-loop load: `concurrency` threads, each sending its next request as soon as the
/// previous one finishes, until `requests` have been sent. Throughput is then what the server
/// sustains at that concurrency; latency percentiles are over the measured requests.
public enum LoadTestRunner {
    public static func run(_ config: LoadTestConfiguration,
                           progress: @escaping @Sendable (LoadTestProgress) -> Void = { _ in }) throws -> LoadTestReport {
        let server = try ServerURL(parsing: config.server)
        let model = try config.model ?? discoverModel(server, timeout: config.timeout)
        @Sendable func request(_ index: Int) -> CompletionRequest {
            CompletionRequest(api: config.api, model: model,
                              prompt: PromptMaker.prompt(tokens: config.promptTokens, seed: config.seed, index: index),
                              maxTokens: config.maxTokens)
        }
        // Warm-up: sequential, outside the clock; a refused connection still stops the run here.
        for i in 0..<config.warmup {
            if case .failed(let message) = StreamedRequest.run(request(-1 - i), server: server, timeout: config.timeout),
               message == LoadTestError.connectionRefused(url: server.description).description {
                throw LoadTestError.connectionRefused(url: server.description)
            }
        }

        let state = RunState(total: config.requests)
        let start = Monotonic.seconds()
        let threads = (0..<max(1, min(config.concurrency, config.requests))).map { _ in
            Thread {
                while let index = state.next() {
                    let outcome = StreamedRequest.run(request(index), server: server, timeout: config.timeout)
                    progress(state.record(index, outcome, elapsed: Monotonic.seconds() - start))
                }
                state.threadDone()
            }
        }
        threads.forEach { $0.stackSize = 1 << 20; $0.start() }
        state.waitForThreads(threads.count)
        let duration = Monotonic.seconds() - start
        return LoadTestReport(config: config, server: server.description, model: model,
                              outcomes: state.outcomes.compactMap { $0 }, duration: duration)
    }

    /// The first model the server lists; a refused connection is reported as such.
    static func discoverModel(_ server: ServerURL, timeout: Double) throws -> String {
        let body = try HTTPClient.get("/v1/models", from: server, timeout: timeout)
        guard let id = firstModelID(body) else {
            throw LoadTestError.malformedResponse("GET /v1/models listed no model; pass --model")
        }
        return id
    }
}

/// The work queue and results shared by the client threads.
final class RunState: @unchecked Sendable {
    private let lock = NSCondition()
    private let total: Int
    private var issued = 0
    private var finishedThreads = 0
    private var done = 0, errors = 0, tokens = 0
    private(set) var outcomes: [RequestOutcome?]

    init(total: Int) {
        self.total = total
        outcomes = Array(repeating: nil, count: total)
    }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard issued < total else { return nil }
        issued += 1
        return issued - 1
    }

    func record(_ index: Int, _ outcome: RequestOutcome, elapsed: Double) -> LoadTestProgress {
        lock.lock(); defer { lock.unlock() }
        outcomes[index] = outcome
        done += 1
        if case .success(let timing) = outcome { tokens += timing.outputTokens } else { errors += 1 }
        return LoadTestProgress(done: done, total: total, errors: errors, outputTokens: tokens, elapsed: elapsed)
    }

    func threadDone() {
        lock.lock(); finishedThreads += 1; lock.signal(); lock.unlock()
    }

    func waitForThreads(_ count: Int) {
        lock.lock(); defer { lock.unlock() }
        while finishedThreads < count { lock.wait() }
    }
}
