import Foundation
import Testing
import Autograd
import NeuralNets
import Tensors
@testable import Transformers

/// Logits of the tiny checkpoints against Hugging Face transformers' (`expected.json`).
@Suite("GPT-2 and Llama parity with Hugging Face")
struct ModelParityTests {
    struct Expected {
        let promptIds: [Int]
        let logits: [[Float]]
        let greedy: [Int]
    }

    static func expected(_ name: String) throws -> Expected {
        let json = try Fixtures.json("\(name)/expected.json")
        let logits = (json["logits"] as! [[Double]]).map { $0.map(Float.init) }
        let greedy = (json["greedy"] as! [String: Any])["sequence"] as! [Int]
        return Expected(promptIds: json["prompt_ids"] as! [Int], logits: logits, greedy: greedy)
    }

    static func model(_ name: String) throws -> any LanguageModel {
        try loadLanguageModel(directory: Fixtures.url(name))
    }

    /// Largest |ours − theirs| over all positions and vocabulary entries.
    static func maxError(_ logits: Tensor, _ expected: [[Float]]) -> Float {
        let v = logits.shape[2]
        var worst: Float = 0
        for (t, row) in expected.enumerated() {
            for (j, value) in row.enumerated() { worst = max(worst, abs(logits.scalars[t * v + j] - value)) }
        }
        return worst
    }

    @Test(arguments: ["gpt2-tiny", "llama-tiny"])
    func logitsMatchTransformers(name: String) throws {
        let model = try Self.model(name)
        let expected = try Self.expected(name)
        let logits = withNoGrad { model(expected.promptIds) }.value
        #expect(logits.shape == [1, expected.promptIds.count, model.vocabularySize])
        let error = Self.maxError(logits, expected.logits)
        #expect(error < 1e-4, "\(name): max |Δlogit| = \(error)")
    }

    @Test(arguments: ["gpt2-tiny", "llama-tiny"])
    func cachedDecodingGivesTheSameLogits(name: String) throws {
        let model = try Self.model(name)
        let expected = try Self.expected(name)
        let cache = model.makeCache()
        var rows: [Float] = []
        withNoGrad {
            rows += model(Array(expected.promptIds.prefix(5)), cache: cache).value.scalars
            for id in expected.promptIds.dropFirst(5) { rows += model([id], cache: cache).value.scalars }
        }
        #expect(cache.length == expected.promptIds.count)
        let logits = Tensor(shape: [1, expected.promptIds.count, model.vocabularySize], scalars: rows)
        #expect(Self.maxError(logits, expected.logits) < 1e-4)
    }

    @Test(arguments: ["gpt2-tiny", "llama-tiny"])
    func greedyTokensMatchTransformers(name: String) throws {
        let model = try Self.model(name)
        let expected = try Self.expected(name)
        let newTokens = expected.greedy.count - expected.promptIds.count
        for useCache in [true, false] {
            let ids = greedyDecode(model, prompt: expected.promptIds, maxNewTokens: newTokens, useCache: useCache)
            #expect(ids == expected.greedy, "\(name), cache \(useCache)")
        }
    }

    @Test func batchedRowsMatchSingleRows() throws {
        let model = try Self.model("llama-tiny")
        let a = [84, 298, 221, 77], b = [359, 68, 12, 7]
        let batched = withNoGrad { model.logits(a + b, batchSize: 2, cache: nil) }.value
        let single = withNoGrad { model(a).value.scalars + model(b).value.scalars }
        #expect(batched.maxAbsDifference(Tensor(shape: [2, 4, model.vocabularySize], scalars: single)) < 1e-5)
    }

    @Test func parameterNamesFollowHuggingFace() throws {
        let gpt2 = GPT2Model(config: GPT2Config(vocabularySize: 10, contextLength: 8, embeddingSize: 8, layerCount: 1, headCount: 2))
        let names = gpt2.namedParameters().map(\.name)
        #expect(names.contains("transformer.h.0.attn.c_attn.weight"))
        #expect(names.contains("transformer.wpe.weight"))
        #expect(!names.contains("lm_head.weight"))  // tied
        let llama = LlamaModel(config: LlamaConfig(vocabularySize: 10, hiddenSize: 8, intermediateSize: 16, layerCount: 1,
                                                   headCount: 2, keyValueHeadCount: 1))
        let llamaNames = llama.namedParameters().map(\.name)
        #expect(llamaNames.contains("model.layers.0.self_attn.k_proj.weight"))
        #expect(llamaNames.contains("lm_head.weight"))
        #expect(llama.model.layers[0].self_attn.k_proj.weight.shape == [4, 8])
    }

    @Test func savedCheckpointLoadsBackIdentically() throws {
        let model = try LlamaModel(directory: Fixtures.url("llama-tiny"))
        let dir = try Fixtures.temporaryDirectory("llama-save")
        defer { try? FileManager.default.removeItem(at: dir) }
        try model.save(directory: dir)
        let reloaded = try LlamaModel(directory: dir)
        #expect(reloaded.config == model.config)
        let ids = [1, 2, 3, 4, 5]
        #expect(withNoGrad { reloaded(ids).value == model(ids).value })
    }

    @Test func gpt2KeysWithoutTransformerPrefixLoad() throws {
        // The original GPT-2 upload stores "h.0.…" rather than "transformer.h.0.…".
        let model = try GPT2Model(directory: Fixtures.url("gpt2-tiny"))
        var state: [String: Tensor] = [:]
        for (name, tensor) in model.stateDict() { state[String(name.dropFirst("transformer.".count))] = tensor }
        state["h.0.attn.bias"] = Tensor.causalMask(4)  // an old buffer, ignored
        let dir = try Fixtures.temporaryDirectory("gpt2-prefix")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Fixtures.url("gpt2-tiny/config.json"), to: dir.appendingPathComponent("config.json"))
        let ids = [84, 298, 221]
        // Half-precision storage rounds the weights: close, not equal (BF16 keeps fewer bits).
        for (type, tolerance) in [(Safetensors.StorageType.F16, Float(1e-2)), (.BF16, 5e-2)] {
            try Safetensors.save(state, to: dir.appendingPathComponent("model.safetensors"), as: type)
            let reloaded = try GPT2Model(directory: dir)
            let error = withNoGrad { reloaded(ids).value.maxAbsDifference(model(ids).value) }
            #expect(error < tolerance && error > 0, "\(type): \(error)")
        }
    }
}


