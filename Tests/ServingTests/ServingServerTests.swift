import Agents
import Decoding
import Foundation
import Templating
import Testing
import Transformers
@testable import Serving
@testable import ServingHTTP

/// `llmcourse serve`'s routes over real sockets, on the tiny Llama checkpoint fixture.
@Suite(.serialized) struct ServingServerTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/llama-tiny")

    /// Starts a server on a free port, runs `body`, stops it.
    static func withServer(maxQueue: Int = 64, blocks: Int = 64, startEngine: Bool = true, _ body: (RawHTTP, ServingEngine, ServedModel) async throws -> Void) async throws {
        let model = try LlamaModel(directory: folder)
        let served = ServedModel(name: "llama-tiny", model: model, tokenizer: try BytePairTokenizer(directory: folder),
                                 chatTemplate: try ChatTemplateFile(folder: folder))
        let pool = BlockPool(blocks: blocks, blockSize: 8, layers: 2, rowSize: 32)
        let engine = ServingEngine(ContinuousBatcher(model: model, pool: pool, tokenBytes: served.bytes(of:), endTokens: served.endTokens,
                                                     limits: .init(maxRunning: 8, maxWaiting: maxQueue)))
        let structured = StructuredConstraints()
        served.constraint = { format, model throws(APIRequestError) in try structured.make(format, for: model) }
        if startEngine { engine.start() }
        var configuration = ServingServer.Configuration()
        configuration.port = 0
        let server = ServingServer(served: served, engine: engine, configuration: configuration)
        let background = try server.startInBackground()
        defer { background.stop(); engine.stop() }
        try await body(RawHTTP(port: background.port), engine, served)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func completionMatchesGreedyGeneration() async throws {
        try await Self.withServer { http, _, served in
            let (status, _, body) = try http.request("POST", "/v1/completions",
                                                     body: #"{"model": "llama-tiny", "prompt": "Hello world", "max_tokens": 6, "temperature": 0}"#)
            #expect(status == 200)
            let object = try Self.json(body)
            let choice = try #require((object["choices"] as? [[String: Any]])?.first)
            let prompt = served.tokenizer.encode("Hello world")
            let reference = generate(try LlamaModel(directory: Self.folder), prompt: prompt, config: GenerationConfig(maxNewTokens: 6))
            #expect(choice["text"] as? String == served.tokenizer.decode(reference.newTokens))
            #expect(choice["finish_reason"] as? String == "length")
            let usage = try #require(object["usage"] as? [String: Int])
            #expect(usage["prompt_tokens"] == prompt.count && usage["completion_tokens"] == 6 && usage["total_tokens"] == prompt.count + 6)
            #expect(object["object"] as? String == "text_completion")
        }
    }

    @Test func streamEndsWithDone() async throws {
        try await Self.withServer { http, _, _ in
            let (status, head, body) = try http.request("POST", "/v1/chat/completions", body: """
                {"model": "llama-tiny", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 5, "stream": true,
                 "stream_options": {"include_usage": true}, "seed": 3}
                """)
            #expect(status == 200 && head.lowercased().contains("text/event-stream"))
            let events = body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
            #expect(events.last == "data: [DONE]")
            let chunks = try events.dropLast().map { try Self.json(String($0.dropFirst("data: ".count))) }
            #expect(((chunks.first?["choices"] as? [[String: Any]])?.first?["delta"] as? [String: String])?["role"] == "assistant")
            #expect(chunks.filter { ($0["choices"] as? [[String: Any]])?.first?["finish_reason"] as? String == "length" }.count == 1)
            #expect((chunks.last?["usage"] as? [String: Int])?["completion_tokens"] == 5)
            #expect(chunks.allSatisfy { $0["object"] as? String == "chat.completion.chunk" })
        }
    }

    /// `response_format` with a JSON schema: every sampled answer parses and has the schema's shape.
    @Test func jsonSchemaAnswersAreValid() async throws {
        try await Self.withServer { http, _, _ in
            let schema = #"{"type": "object", "properties": {"name": {"type": "string", "maxLength": 8}, "age": {"type": "integer"}, "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "maxItems": 3}}, "required": ["name", "age"]}"#
            for seed in 1...8 {
                let (status, _, body) = try http.request("POST", "/v1/chat/completions", body: """
                    {"model": "llama-tiny", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 66, "seed": \(seed),
                     "response_format": {"type": "json_schema", "json_schema": {"name": "person", "schema": \(schema)}}}
                    """)
                #expect(status == 200)
                let choice = try #require((try Self.json(body)["choices"] as? [[String: Any]])?.first)
                let content = try #require((choice["message"] as? [String: Any])?["content"] as? String)
                let object = try Self.json(content)
                #expect(object["name"] is String && object["age"] is NSNumber, "\(content)")
                #expect((object["name"] as? String ?? "").count <= 8)
                #expect(Set(object.keys).isSubset(of: ["name", "age", "tags"]))
                #expect(choice["finish_reason"] as? String == "stop")
            }
            let refused = try http.request("POST", "/v1/completions", body: """
                {"model": "llama-tiny", "prompt": "x", "response_format": {"type": "json_schema", "json_schema": {"schema": {"type": "string", "pattern": "a+"}}}}
                """)
            #expect(refused.status == 400 && refused.body.contains("pattern"))
        }
    }

    /// The agents chapter's loop driven through the server: the model is found by name, each
    /// line stops at the newline, and the loop ends within its step limit.
    @Test func agentLoopThroughTheServer() async throws {
        try await Self.withServer { http, _, served in
            let model = try ServerAgentModel(url: "http://127.0.0.1:\(http.port)", maxTokens: 12)
            #expect(model.modelName == "llama-tiny")
            let line = try model.complete("Question: what is 2+2?\n", stop: ["\n"])
            #expect(!line.contains("\n"))
            let ids = served.tokenizer.encode("Question: what is 2+2?\n")
            let greedy = generate(try LlamaModel(directory: Self.folder), prompt: ids,
                                  config: GenerationConfig(maxNewTokens: 12, stopStrings: ["\n"]), decode: served.tokenizer.decode)
            #expect(line == served.tokenizer.decode(greedy.newTokens).components(separatedBy: "\n")[0])
            let trace = try AgentLoop(model: model, toolbox: Toolbox([Calculator()]), maxSteps: 3).run(question: "What is 2+2?")
            #expect(trace.steps.count <= 3)
        }
    }

    @Test func badRequestsAreAnsweredAndNamed() async throws {
        try await Self.withServer { http, _, _ in
            let cases: [(String, Int, String)] = [
                ("{not json", 400, "not valid JSON"),
                (#"{"model": "gpt-4", "prompt": "a"}"#, 404, "does not exist here"),
                (#"{"model": "llama-tiny", "prompt": "a", "max_tokens": -5}"#, 400, "max_tokens"),
                (#"{"model": "llama-tiny", "prompt": "a", "max_tokens": 100000}"#, 400, "leaves room"),
                (#"{"model": "llama-tiny", "prompt": "a", "temperature": 3}"#, 400, "temperature"),
                (#"{"model": "llama-tiny", "prompt": "a", "n": 2}"#, 400, "\"n\""),
                (#"{"model": "llama-tiny", "prompt": "a", "stream": 1}"#, 400, "true or false"),
                (#"{"model": "llama-tiny", "prompt": "\#(String(repeating: "word ", count: 200))"}"#, 400, "context"),
                (#"{"prompt": "a"}"#, 400, "\"model\" is required"),
            ]
            for (body, status, phrase) in cases {
                let answer = try http.request("POST", "/v1/completions", body: body)
                #expect(answer.status == status, "\(body.prefix(60))")
                let message = (try Self.json(answer.body)["error"] as? [String: Any])?["message"] as? String ?? ""
                #expect(message.contains(phrase), "\(message)")
            }
            // The server still answers.
            #expect(try http.request("GET", "/v1/models").status == 200)
        }
    }

    @Test func fullQueueAnswers429WithRetryAfter() async throws {
        // The engine starts late, so the first request waits in the queue (of one) and the
        // others find it full, whatever the machine's speed.
        try await Self.withServer(maxQueue: 1, startEngine: false) { http, engine, _ in
            let body = #"{"model": "llama-tiny", "prompt": "a", "max_tokens": 4, "stream": true}"#
            let sockets = try (0..<3).map { _ in try http.send("POST", "/v1/completions", body: body) }
            var refused = 0, waiting: [Int32] = []
            for fd in sockets {
                let head = RawHTTP.read(fd, until: "\r\n\r\n", timeout: 3)
                if head.hasPrefix("HTTP/1.1 429") {
                    refused += 1
                    #expect(head.lowercased().contains("retry-after: 1"))
                    close(fd)
                } else {
                    waiting.append(fd)
                }
            }
            #expect(refused == 2)
            engine.start()
            for fd in waiting {
                RawHTTP.setReadTimeout(fd, seconds: 120)
                #expect(RawHTTP.readAll(fd).contains("data: [DONE]"))
            }
            try await Self.waitForEmptyPool(engine)
        }
    }

    /// Two hundred clients hang up mid-stream: every block returns to the pool, and the server
    /// answers the next request.
    @Test func disconnectsFreeEveryBlock() async throws {
        try await Self.withServer(maxQueue: 256, blocks: 256) { http, engine, _ in
            let body = #"{"model": "llama-tiny", "prompt": "Tell me a story", "max_tokens": 100, "stream": true, "ignore_eos": true}"#
            for _ in 0..<4 {
                let sockets = try (0..<50).map { _ in try http.send("POST", "/v1/completions", body: body) }
                for fd in sockets {
                    _ = RawHTTP.read(fd, until: "data: ")
                    close(fd)
                }
            }
            try await Self.waitForEmptyPool(engine)
            #expect(try http.request("POST", "/v1/completions", body: #"{"model": "llama-tiny", "prompt": "a", "max_tokens": 2}"#).status == 200)
        }
    }

    static func waitForEmptyPool(_ engine: ServingEngine) async throws {
        for _ in 0..<600 where engine.statistics.blocksInUse > 0 || engine.statistics.running > 0 {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(engine.statistics.blocksInUse == 0 && engine.statistics.running == 0 && engine.statistics.waiting == 0)
    }

    /// The `openai` Python package against the server, streamed and not (skipped, saying so,
    /// where the package is not installed; CI installs it).
    @Test func openAIPythonClient() async throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import openai"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            print("note: the openai Python package is not installed; skipping the client test (pip install openai)")
            return
        }
        try await Self.withServer { http, _, _ in
            let script = """
            import openai, sys
            client = openai.OpenAI(base_url="http://127.0.0.1:\(http.port)/v1", api_key="none")
            assert client.models.list().data[0].id == "llama-tiny"
            r = client.chat.completions.create(model="llama-tiny", messages=[{"role": "user", "content": "Hi"}], max_tokens=5, seed=1)
            assert r.choices[0].finish_reason in ("length", "stop") and r.usage.completion_tokens <= 5
            parts = [c.choices[0].delta.content or "" for c in client.chat.completions.create(
                model="llama-tiny", messages=[{"role": "user", "content": "Hi"}], max_tokens=5, seed=1, stream=True) if c.choices]
            assert "".join(parts) == r.choices[0].message.content, ("".join(parts), r.choices[0].message.content)
            c = client.completions.create(model="llama-tiny", prompt="Hello", max_tokens=4, temperature=0, logprobs=2)
            assert len(c.choices[0].logprobs.tokens) == c.usage.completion_tokens
            try:
                client.completions.create(model="nope", prompt="x")
                sys.exit("an unknown model was accepted")
            except openai.NotFoundError as e:
                assert "does not exist" in str(e)
            print("ok")
            """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && text.contains("ok"), "\(text)")
        }
    }
}
