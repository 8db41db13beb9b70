import Foundation
import LLMCourseKit
import Testing

/// `llmcourse ask` as a reader runs it, on this repository's lessons (the built binary).
@Suite("The ask command", .serialized)
struct AskCommandTests {
    static let state = FileManager.default.temporaryDirectory.appendingPathComponent("ask-command-\(UUID().uuidString)")
    static let tinyModel = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny")

    func ask(_ arguments: [String]) throws -> CommandLineTests.Run? {
        try CommandLineTests.runBinary(["ask"] + arguments + ["--course", ProbeCourse.packageRoot.path], environment: CommandLineTests.environment(state: Self.state))
    }

    func json(_ run: CommandLineTests.Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)\n\(run.errors)")
    }

    /// The tiny fixture model with a 512-token context (random weights): room for a grounded prompt.
    static func roomyModel() throws -> URL {
        let folder = state.appendingPathComponent("gpt2-512")
        let config = GPT2Config(vocabularySize: 384, contextLength: 512, embeddingSize: 48, layerCount: 2, headCount: 4)
        try GPT2Model(config: config, seed: 3).save(directory: folder)
        for file in ["vocab.json", "merges.txt", "tokenizer.json"] {
            try? FileManager.default.copyItem(at: tinyModel.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    @Test("BM25 with expansion answers in JSON; bad options are refused with the fix")
    func sparse() throws {
        guard let run = try ask(["what does the KV cache store?", "--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        let results = try #require(try json(run)["results"] as? [[String: Any]])
        #expect(results.first?["lesson"] as? String == "inference-optimization" && results.first?["section"] as? Int == 2)
        #expect(results.first?["language"] as? String == "en")

        let embeddingAlone = try #require(try ask(["cache", "--embedding-model", Self.tinyModel.path]))
        #expect(embeddingAlone.status != 0 && embeddingAlone.errors.contains("--retriever dense or --retriever hybrid"), "\(embeddingAlone.errors)")
        let noWords = try #require(try ask(["？！"]))
        #expect(noWords.status != 0 && noWords.errors.contains("ask needs a question with at least one word"))
    }

    @Test("--model writes an answer from numbered sources; a context too small for them is refused")
    func generated() throws {
        let folder = try Self.roomyModel()
        guard let run = try ask(["what does the KV cache store?", "--model", folder.path, "--max-new-tokens", "6", "--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        let generated = try #require(try json(run)["generated"] as? [String: Any])
        let sources = try #require(generated["sources"] as? [[String: Any]])
        #expect(sources.first?["citation"] as? Int == 1 && sources.first?["lesson"] as? String == "inference-optimization")
        #expect((generated["prompt_tokens"] as? Int ?? 999) <= 512 - 6)

        let text = try #require(try ask(["what does the KV cache store?", "--model", folder.path, "--max-new-tokens", "4"]))
        #expect(text.output.hasPrefix("Answer (written by \(folder.path) from the sources below):"), "\(text.output)")
        #expect(text.output.contains("Sources given to the model:\n  [1] The KV cache — llmcourse read inference-optimization --section 2"))

        // --rewrite: the model's rewordings (random weights: whatever it writes) join the search.
        let rewritten = try #require(try ask(["what does the KV cache store?", "--model", folder.path, "--rewrite", "--max-new-tokens", "2"]))
        #expect(rewritten.status == 0 && rewritten.errors.contains("searching also with the model's rewordings:"), "\(rewritten.errors)")
        let rewriteAlone = try #require(try ask(["cache", "--rewrite"]))
        #expect(rewriteAlone.status != 0 && rewriteAlone.errors.contains("add --model DIR"))

        let cramped = try #require(try ask(["what does the KV cache store?", "--model", Self.tinyModel.path]))
        #expect(cramped.status != 0 && cramped.errors.contains("lower --max-new-tokens"), "\(cramped.errors)")
    }

    @Test("dense search with a model folder's hidden states embeds the sections once, then reuses them")
    func embeddingModel() throws {
        guard let first = try ask(["什麼是量化？", "--retriever", "hybrid", "--embedding-model", Self.tinyModel.path, "--json"]) else { return }
        #expect(first.status == 0, "\(first.errors)")
        let results = try #require(try json(first)["results"] as? [[String: Any]])
        #expect(results.first?["language"] as? String == "zh-TW")
        let cached = try FileManager.default.contentsOfDirectory(atPath: Self.state.path).filter { $0.hasPrefix("ask-embeddings-") }
        #expect(cached.count == 1)
        let file = Self.state.appendingPathComponent(try #require(cached.first)).path
        let written = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        let second = try #require(try ask(["什麼是量化？", "--retriever", "hybrid", "--embedding-model", Self.tinyModel.path, "--json"]))
        #expect(second.status == 0, "\(second.errors)")
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date == written, "reused, not rewritten")
    }
}
