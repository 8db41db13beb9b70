import Foundation
internal import Hummingbird
internal import HTTPTypes
internal import NIOCore
import Serving

/// `llmcourse serve`: the OpenAI-compatible HTTP face of a ``ServingEngine``.
///
/// Routes: `GET /health`, `GET /v1/models`, `POST /v1/completions`, `POST /v1/chat/completions`
/// (with `stream: true` as server-sent events ending in `data: [DONE]`). Every refusal is
/// OpenAI's error object with a message that says what to change; a full queue is a 429 with
/// `Retry-After`. A streaming client that goes away cancels its request at the next token, so its
/// KV-cache blocks return to the pool.
public struct ServingServer: Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// A request still generating after this long ends (streams: finish reason `length`;
        /// whole answers: 504).
        public var requestTimeout: Double = 300
        public var maxBodyBytes = 1 << 20
        public init() {}
    }

    public let served: ServedModel
    public let engine: ServingEngine
    public let configuration: Configuration
    private let counter = RequestCounter()

    public init(served: ServedModel, engine: ServingEngine, configuration: Configuration) {
        self.served = served
        self.engine = engine
        self.configuration = configuration
    }

    /// Serves until cancelled or SIGINT/SIGTERM; `ready` receives the bound port.
    public func run(ready: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let app = Application(router: makeRouter(), server: .http1(),
                              configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "llmcourse-serve"),
                              onServerRunning: { channel in ready(channel.localAddress?.port ?? 0) })
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/health") { _, _ in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return Self.json(try encoder.encode(engine.statistics))
        }
        router.get("/v1/models") { _, _ in
            let model: [String: Any] = ["id": served.name, "object": "model", "created": 0, "owned_by": "llmcourse",
                                        "max_model_len": served.model.contextLength]
            return Self.json(try JSONSerialization.data(withJSONObject: ["object": "list", "data": [model]], options: [.sortedKeys]))
        }
        router.post("/v1/completions") { request, _ in await answer(request, chat: false) }
        router.post("/v1/chat/completions") { request, _ in await answer(request, chat: true) }
        return router
    }

    func answer(_ request: Request, chat: Bool) async -> Response {
        var request = request
        do {
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: configuration.maxBodyBytes)
            } catch {
                throw APIRequestError(status: 413, "the body is larger than \(configuration.maxBodyBytes / 1024) KiB")
            }
            let parsed = try APIRequest.parse(Data(buffer: body), chat: chat)
            let number = counter.next()
            let id = (chat ? "chatcmpl-" : "cmpl-") + String(number)
            let deadline = ContinuousClock.now + .milliseconds(Int64(configuration.requestTimeout * 1000))
            let planned = try served.plan(parsed, id: id, defaultSeed: UInt64(number), deadline: deadline)
            let events = try submit(planned)
            let writer = APIResponseWriter(id: id, model: served.name, chat: chat)
            return parsed.stream ? stream(events, id: id, writer: writer, request: parsed)
                : try await whole(events, writer: writer, request: parsed)
        } catch let error as APIRequestError {
            return Self.error(error)
        } catch {
            return Self.error(APIRequestError(status: 500, "the server failed: \(error)", type: "server_error"))
        }
    }

    /// Queues the request; its events arrive on the returned stream.
    func submit(_ request: ServingRequest) throws(APIRequestError) -> AsyncStream<ServingEvent> {
        let (events, continuation) = AsyncStream<ServingEvent>.makeStream()
        do {
            try engine.submit(request) { event in
                continuation.yield(event)
                if case .finished = event { continuation.finish() }
            }
        } catch {
            if case .queueFull(let seconds) = error {
                throw APIRequestError(status: 429, error.description, type: "rate_limit_error", code: "queue_full", retryAfter: seconds)
            }
            throw APIRequestError(error.description)
        }
        return events
    }

    func whole(_ events: AsyncStream<ServingEvent>, writer: APIResponseWriter, request: APIRequest) async throws -> Response {
        var text = "", logprobs: [TokenLogprob] = []
        for await event in events {
            switch event {
            case .token(_, let piece, let logprob):
                text += piece
                if let logprob { logprobs.append(logprob) }
            case .finished(let reason, let prompt, let completion):
                if reason == .timeout {
                    throw APIRequestError(status: 504, "the answer took longer than the server's --request-timeout of \(Int(configuration.requestTimeout)) s; ask for fewer max_tokens or stream it",
                                          type: "timeout")
                }
                return Self.json(writer.complete(text: text, finish: reason, logprobs: logprobs, wantsLogprobs: request.logprobs != nil,
                                                 promptTokens: prompt, completionTokens: completion))
            }
        }
        throw APIRequestError(status: 500, "the engine stopped before the answer finished", type: "server_error")
    }

    // ANCHOR: stream
    /// Server-sent events: a chunk per token, a last chunk with the finish reason, the usage
    /// chunk when asked for, then `data: [DONE]`. A failed write means the client left: the
    /// request is cancelled so the engine frees its blocks.
    func stream(_ events: AsyncStream<ServingEvent>, id: String, writer: APIResponseWriter, request: APIRequest) -> Response {
        let engine = self.engine
        let body = ResponseBody { bodyWriter in
            do {
                if writer.chat { try await bodyWriter.write(Self.buffer(APIResponseWriter.event(writer.chunk(text: "", role: true, finish: nil, logprob: nil)))) }
                for await event in events {
                    switch event {
                    case .token(_, let text, let logprob):
                        try await bodyWriter.write(Self.buffer(APIResponseWriter.event(writer.chunk(text: text, finish: nil, logprob: logprob))))
                    case .finished(let reason, let prompt, let completion):
                        var tail = APIResponseWriter.event(writer.chunk(text: "", finish: reason, logprob: nil))
                        if request.includeUsage { tail += APIResponseWriter.event(writer.usageChunk(promptTokens: prompt, completionTokens: completion)) }
                        try await bodyWriter.write(Self.buffer(tail + APIResponseWriter.done))
                    }
                }
                try await bodyWriter.finish(nil)
            } catch {
                engine.cancel(id: id)
                throw error
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: body)
    }
    // ANCHOR_END: stream

    static func buffer(_ data: Data) -> ByteBuffer { ByteBuffer(bytes: data) }

    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer(data)))
    }

    static func error(_ error: APIRequestError) -> Response {
        var response = json(error.body, status: HTTPResponse.Status(code: error.status))
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }
}

/// Numbers request ids across handlers.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
