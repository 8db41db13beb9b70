import ArgumentParser
import Course
import Foundation
import Serving
import ServingHTTP
import Templating
import Tensors
import Transformers

/// `llmcourse serve <model-folder>`: an OpenAI-compatible server with continuous batching.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a model folder over an OpenAI-compatible HTTP API, batching requests continuously.",
        discussion: """
        Routes: POST /v1/completions, POST /v1/chat/completions (stream: true for server-sent \
        events), GET /v1/models, GET /health. Requests share each forward step (continuous \
        batching); keys and values live in a paged KV cache of --cache-tokens positions, in \
        blocks of --block-size; identical prompt prefixes share blocks. Chat messages are laid \
        out by the folder's chat template (ChatML, said aloud, when it has none).

        Examples:
          llmcourse serve SmolLM2-135M-Instruct --port 8080
          curl http://127.0.0.1:8080/v1/chat/completions -H 'Content-Type: application/json' \\
            -d '{"model": "SmolLM2-135M-Instruct", "messages": [{"role": "user", "content": "Hi"}]}'
          llmcourse loadtest http://127.0.0.1:8080 --concurrency 8 --requests 64
        """
    )

    @Argument(help: "Model folder (config.json, model.safetensors, tokenizer files), as for `generate`.")
    var model: String

    @Option(name: .long, help: "Address to listen on; 0.0.0.0 lets other machines reach it.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .long, help: "The name clients pass as \"model\" (default: the folder's name).")
    var servedModelName: String?

    @Option(name: .long, help: "Most sequences in one forward step.")
    var maxBatch = 16

    @Option(name: .long, help: "Most requests waiting for a slot; more get 429 with Retry-After.")
    var maxQueue = 64

    @Option(name: .long, help: "Most new tokens in one forward step (long prompts are prefilled in chunks).")
    var batchTokens = 512

    @Option(name: .long, help: "Positions per KV-cache block.")
    var blockSize = 16

    @Option(name: .long, help: "KV-cache positions in all (default: 8192, at least the model's context).")
    var cacheTokens: Int?

    @Option(name: .long, help: "Seconds a request may run before it is ended.")
    var requestTimeout: Double = 300

    @Option(name: .long, help: ModelCommands.adapterHelp)
    var adapter: String?

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard maxBatch >= 1, maxQueue >= 1, batchTokens >= 1 else { throw ValidationError("--max-batch, --max-queue and --batch-tokens must be at least 1") }
        guard (1...1024).contains(blockSize) else { throw ValidationError("--block-size must be between 1 and 1024 (16 is usual)") }
        if let cacheTokens, cacheTokens < 1 { throw ValidationError("--cache-tokens must be at least 1") }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive") }
    }

    func run() async throws {
        BLASKernelChoice.reexecuteIfNeeded()  // serve with the kernel the processor can run
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let folder = try ModelCommands.modelFolder(model, language)
        let (languageModel, tokenizer) = try ModelCommands.load(model, language, adapter: adapter)
        guard let paged = languageModel as? any PagedLanguageModel else {
            throw ValidationError("\(model): this architecture cannot be served yet (GPT-2 and Llama-family folders can)")
        }
        let template: ChatTemplateFile
        do { template = try ChatTemplateFile(folder: folder) } catch {
            throw ValidationError("\(model): the chat template cannot be read: \(error.description)")
        }
        let name = servedModelName ?? folder.standardizedFileURL.lastPathComponent
        let served = ServedModel(name: name, model: paged, tokenizer: tokenizer, chatTemplate: template)
        let structured = StructuredConstraints()
        served.constraint = { format, model throws(APIRequestError) in try structured.make(format, for: model) }
        let layout = paged.pagedCacheLayout
        let tokens = max(cacheTokens ?? 8192, paged.contextLength)
        let pool = BlockPool(blocks: (tokens + blockSize - 1) / blockSize, blockSize: blockSize, layers: layout.layers, rowSize: layout.rowSize)
        let batcher = ContinuousBatcher(model: paged, pool: pool, tokenBytes: served.bytes(of:), endTokens: served.endTokens,
                                        limits: .init(maxRunning: maxBatch, maxWaiting: maxQueue, maxBatchTokens: batchTokens))
        let engine = ServingEngine(batcher)
        engine.start()
        var configuration = ServingServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.requestTimeout = requestTimeout
        let server = ServingServer(served: served, engine: engine, configuration: configuration)
        let say: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        if template.isFallback { say("\(name) has no chat template; chat requests are laid out in ChatML.") }
        let megabytes = String(format: "%.1f", Double(pool.blockCount * pool.bytesPerBlock) / 1e6)
        say("KV cache: \(pool.blockCount) blocks of \(blockSize) positions (\(megabytes) MB, \(pool.bytesPerToken) bytes per token); up to \(maxBatch) sequences per step.")
        let host = self.host
        try await server.run { port in
            say("Serving \(name) at http://\(host):\(port)/v1 (OpenAI-compatible). Ctrl-C stops.")
            say("Try: curl http://\(host):\(port)/v1/completions -H 'Content-Type: application/json' -d '{\"model\": \"\(name)\", \"prompt\": \"Hello\", \"max_tokens\": 16}'")
        }
        engine.stop()
    }
}
