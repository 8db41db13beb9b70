import Foundation
import LoadTesting
import Serving
import ServingHTTP
import Templating
import Transformers

/// `llmcourse run serve-load`: `llmcourse serve`'s server started in-process on a free port,
/// measured by `llmcourse loadtest`'s runner at growing concurrency: TTFT, TPOT, throughput.
enum ServeLoadDemo {
    static let demo = Demo(id: "serve-load", summary: "The course's OpenAI-compatible server under load: time to first token, time per output token and throughput as clients are added",
                           inputs: ["Sources/Demos/Serving", "Sources/Serving", "Sources/ServingHTTP", "Sources/LoadTesting"]) { ctx in try run(ctx) }

    static func run(_ ctx: DemoContext) throws {
        // The parity tests' tokenizer (384 tokens) with a random GPT-2 of a longer context.
        let folder = DecodingDemos.checkpointFolder
        let tokenizer = try BytePairTokenizer(directory: folder)
        let model = GPT2Model(config: GPT2Config(vocabularySize: tokenizer.vocabularySize, contextLength: 256, embeddingSize: ctx.quick ? 64 : 256,
                                                 layerCount: ctx.quick ? 2 : 4, headCount: 4), seed: ctx.seed)
        let served = ServedModel(name: "gpt2-course", model: model, tokenizer: tokenizer,
                                 chatTemplate: try ChatTemplateFile(folder: folder))
        let layout = model.pagedCacheLayout
        let pool = BlockPool(blocks: 256, blockSize: 16, layers: layout.layers, rowSize: layout.rowSize)
        let engine = ServingEngine(ContinuousBatcher(model: model, pool: pool, tokenBytes: served.bytes(of:), endTokens: served.endTokens,
                                                     limits: .init(maxRunning: 16, maxWaiting: 64)))
        engine.start()
        defer { engine.stop() }
        let server = try ServingServer(served: served, engine: engine, configuration: configuration()).startInBackground()
        defer { server.stop() }
        let port = server.port
        ctx.say("server: a GPT-2 of {0} parameters (random weights, the course's 384-token tokenizer) behind `llmcourse serve`'s routes at 127.0.0.1:{1}; at most {2} sequences per step.",
                "\(model.parameterCount)", "\(port)", "16")

        let levels = ctx.quick ? [1, 4] : [1, 2, 4, 8, 16]
        let perLevel = ctx.quick ? 8 : 48, tokens = 32
        ctx.say("each level: {0} streamed requests of about {1} prompt words and exactly {2} output tokens (ignore_eos).", "\(perLevel)", "24", "\(tokens)")
        ctx.heading(ctx.tr("Latency and throughput against concurrency"))
        let progress = ctx.progress(ctx.tr("load testing"), total: levels.count)
        var rows: [[String]] = [], reports: [LoadTestReport] = []
        for clients in levels {
            var config = LoadTestConfiguration(server: "http://127.0.0.1:\(port)")
            config.concurrency = clients
            config.requests = perLevel
            config.maxTokens = tokens
            config.promptTokens = 24
            config.seed = ctx.seed
            let report = try LoadTestRunner.run(config)
            guard report.succeeded > 0 else { throw LoadFailure(errors: report.errors.keys.sorted()) }
            reports.append(report)
            rows.append(["\(clients)", ms(report.ttftMs?.p50), ms(report.ttftMs?.p95), ms(report.tpotMs?.p50), ms(report.tpotMs?.p95),
                         fixed(report.requestsPerSecond, 1), fixed(report.outputTokensPerSecond, 0)])
            progress.advance()
        }
        progress.finish()
        ctx.table([ctx.tr("clients"), "TTFT p50", "TTFT p95", "TPOT p50", "TPOT p95", ctx.tr("requests/s"), ctx.tr("tokens/s")], rows)
        let first = reports.first!, last = reports.last!
        ctx.say("From {0} to {1} clients, throughput grew {2}× and the time per output token {3}×. Every client adds rows to each forward step; this model is small enough to sit in the processor's caches, so a step costs more almost in proportion, while a model whose steps are spent reading weights from memory gains more (see the decode-batching demo).",
                "\(levels.first!)", "\(levels.last!)", fixed(last.outputTokensPerSecond / first.outputTokensPerSecond, 1),
                fixed((last.tpotMs?.p50 ?? 0) / max(first.tpotMs?.p50 ?? 1, 1e-9), 1))
        let stats = engine.statistics
        ctx.say("/health afterwards: {0} blocks in use of {1} (peak {2}), {3} tokens generated, {4} prompt positions reused, {5} preemptions.",
                "\(stats.blocksInUse)", "\(stats.blocksTotal)", "\(stats.peakBlocksInUse)", "\(stats.generatedTokens)",
                "\(stats.reusedPrefixTokens)", "\(stats.preemptions)")
    }

    struct LoadFailure: Error, CustomStringConvertible {
        let errors: [String]
        var description: String { "every request of the load test failed: " + errors.joined(separator: "; ") }
    }

    static func ms(_ value: Double?) -> String { value.map { fixed($0, 1) } ?? "–" }

    static func configuration() -> ServingServer.Configuration {
        var configuration = ServingServer.Configuration()
        configuration.port = 0
        return configuration
    }
}
