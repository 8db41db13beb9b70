import ArgumentParser
import Console
import Foundation
import LoadTesting

/// `llmcourse loadtest <url>`: concurrent streaming clients against any OpenAI-compatible
/// server, reporting TTFT, TPOT, latency and throughput. The work is in LoadTesting; this
/// file parses options and draws the progress line.
struct LoadTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loadtest",
        abstract: "Measure an OpenAI-compatible server: time to first token, time per output token, throughput.",
        discussion: """
        N clients (--concurrency) each send a streamed completion, wait for its last token and \
        send the next, until --requests have been measured. Every request gets its own prompt of \
        about --prompt-tokens words (seeded, so reruns send the same text) and asks for \
        --max-tokens tokens with "ignore_eos": true, so servers that honor it all do the same work.

        Reported, with p50/p95/p99 (linear interpolation, as numpy.percentile), min, max and mean:
          TTFT     time to first token: queueing + prompt processing
          TPOT     time per output token after the first:
                   (last token time − first token time) / (tokens − 1)
          latency  request sent → stream finished
        and requests/s and output tokens/s over the whole run. HTTP 429 answers count as \
        rejected, other failures as failed; the command exits with status 1 if no request succeeded.

        Works with `llmcourse serve`, llama.cpp's llama-server, vLLM, or anything that streams \
        /v1/completions. Plain HTTP only: for an https:// endpoint, put a local proxy in front.

        Examples:
          llmcourse loadtest http://127.0.0.1:8080
          llmcourse loadtest http://127.0.0.1:8080 -c 8 -n 200 --max-tokens 128
          llmcourse loadtest localhost:8000/v1 --chat --model Qwen2.5-0.5B --json
        """
    )

    @Argument(help: "The server's base URL, e.g. http://127.0.0.1:8080 (a trailing /v1 is fine).")
    var url: String

    @Option(name: .shortAndLong, help: "Clients sending at the same time.")
    var concurrency = 4

    @Option(name: [.customShort("n"), .long], help: "Requests to measure in total.")
    var requests = 32

    @Option(help: "Output tokens asked for per request (max_tokens).")
    var maxTokens = 64

    @Option(help: "Approximate prompt length in tokens (one common word each).")
    var promptTokens = 128

    @Option(help: "Requests sent one at a time before measuring, not counted.")
    var warmup = 1

    @Option(help: "Seed for the prompts.")
    var seed: UInt64 = 0

    @Option(help: "Seconds to wait for a connection, and for each next piece of a response.")
    var timeout = 60.0

    @Option(help: "Model name to send (default: the first one GET /v1/models lists).")
    var model: String?

    @Flag(help: "Use /v1/chat/completions with one user message instead of /v1/completions.")
    var chat = false

    @Flag(help: "Print the report as JSON (times in milliseconds).")
    var json = false

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard requests >= 1 else { throw ValidationError("--requests must be at least 1") }
        guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
        guard promptTokens >= 1 else { throw ValidationError("--prompt-tokens must be at least 1") }
        guard warmup >= 0 else { throw ValidationError("--warmup cannot be negative") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        _ = try ServerURL(parsing: url)  // https:// and typos fail before anything is sent
    }

    func run() throws {
        var config = LoadTestConfiguration(server: url)
        config.model = model
        config.api = chat ? .chat : .completions
        config.concurrency = concurrency
        config.requests = requests
        config.maxTokens = maxTokens
        config.promptTokens = promptTokens
        config.warmup = warmup
        config.seed = seed
        config.timeout = timeout

        // The live line only on a terminal: piped or redirected runs get the report alone.
        let reporter = isatty(STDERR_FILENO) == 1 ? ProgressReporter.standardError() : .silent
        let task = reporter.task("loadtest", total: requests)
        let report = try LoadTestRunner.run(config) { p in
            task.set(completed: p.done)
            task.note("· \(p.errors) errors · \(Int(p.tokensPerSecond.rounded())) tokens/s")
        }
        task.finish()

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table())
        }
        if report.succeeded == 0 { throw ExitCode(1) }
    }
}
