import Foundation
import Testing
@testable import Transformers

@Suite("Hugging Face config.json")
struct ConfigTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws(ModelFileError) -> T {
        try ConfigFile.decode(type, from: Data(json.utf8), file: "config.json")
    }

    @Test func readsTheFixtureConfigs() throws {
        let gpt2 = try GPT2Config(contentsOf: Fixtures.url("gpt2-tiny/config.json"))
        #expect(gpt2 == GPT2Config(vocabularySize: 384, contextLength: 64, embeddingSize: 48, layerCount: 2, headCount: 4,
                                   innerSize: 192, activation: .geluTanh, layerNormEpsilon: 1e-5, tiesWordEmbeddings: true))
        let llama = try LlamaConfig(contentsOf: Fixtures.url("llama-tiny/config.json"))
        #expect(llama.keyValueHeadCount == 2 && llama.headSize == 16 && llama.ropeTheta == 10_000)
        #expect(!llama.tiesWordEmbeddings && llama.intermediateSize == 160)
    }

    @Test func ropeThetaAtTopLevelOrInsideRopeParameters() throws {
        let base = #""vocab_size": 10, "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1, "num_attention_heads": 2"#
        #expect(try Self.decode(LlamaConfig.self, "{\(base), \"rope_theta\": 500000.0}").ropeTheta == 500_000)
        #expect(try Self.decode(LlamaConfig.self, "{\(base), \"rope_parameters\": {\"rope_theta\": 1e5, \"rope_type\": \"default\"}}").ropeTheta == 100_000)
        #expect(try Self.decode(LlamaConfig.self, "{\(base)}").ropeTheta == 10_000)
        let scaled = try Self.decode(LlamaConfig.self, "{\(base), \"rope_scaling\": {\"type\": \"linear\", \"factor\": 4.0}}")
        #expect(scaled.ropeScalingFactor == 4)
        #expect(scaled.keyValueHeadCount == 2 && scaled.headSize == 4)
    }

    @Test func roundTripsThroughJSON() throws {
        let dir = try Fixtures.temporaryDirectory("config")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("config.json")
        try ConfigFile.write(LlamaConfig.smolLM135M, to: url)
        #expect(try LlamaConfig(contentsOf: url) == .smolLM135M)
        let gpt2 = GPT2Config(vocabularySize: 50257, contextLength: 1024, embeddingSize: 768, layerCount: 12, headCount: 12)
        try ConfigFile.write(gpt2, to: url)
        #expect(try GPT2Config(contentsOf: url) == gpt2)
    }

    @Test func missingAndInconsistentFieldsAreNamed() {
        func failure<T: Decodable>(_ type: T.Type, _ json: String) -> ModelFileError? {
            do { _ = try Self.decode(type, json); return nil } catch { return error }
        }
        let missing = failure(GPT2Config.self, #"{"vocab_size": 10, "n_positions": 8, "n_layer": 1, "n_head": 2}"#)
        #expect(missing?.kind == .missingField && missing!.problem.contains("n_embd") && missing!.file == "config.json")
        let indivisible = failure(GPT2Config.self, #"{"vocab_size": 10, "n_positions": 8, "n_embd": 10, "n_layer": 1, "n_head": 4}"#)
        #expect(indivisible?.kind == .inconsistent && indivisible!.problem.contains("not divisible"))
        let base = #""vocab_size": 10, "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1"#
        let groups = failure(LlamaConfig.self, "{\(base), \"num_attention_heads\": 4, \"num_key_value_heads\": 3}")
        #expect(groups?.kind == .inconsistent && groups!.problem.contains("num_key_value_heads"))
        let thetas = failure(LlamaConfig.self, "{\(base), \"num_attention_heads\": 2, \"rope_theta\": 1.0, \"rope_parameters\": {\"rope_theta\": 2.0}}")
        #expect(thetas?.kind == .inconsistent)
        let wrongType = failure(LlamaConfig.self, "{\(base), \"num_attention_heads\": \"two\"}")
        #expect(wrongType?.kind == .malformed && wrongType!.problem.contains("num_attention_heads"))
        let yarn = failure(LlamaConfig.self, "{\(base), \"num_attention_heads\": 2, \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}}")
        #expect(yarn?.kind == .unsupported)
        let notGPT2 = failure(GPT2Config.self, #"{"model_type": "llama"}"#)
        #expect(notGPT2?.kind == .unsupported)
        #expect(failure(LlamaConfig.self, "{ \"vocab_size\": 1")?.kind == .malformed)
    }
}
