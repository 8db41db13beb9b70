import Foundation
import Testing
import NeuralNets
import Tensors
@testable import Transformers

/// Damaged or mismatched files: each must be a thrown error naming the file and the problem.
@Suite("Bad model files")
struct BadInputTests {
    /// A copy of a fixture checkpoint folder whose `model.safetensors` is replaced by `bytes`.
    static func checkpoint(_ name: String, safetensors bytes: Data) throws -> URL {
        let dir = try Fixtures.temporaryDirectory("bad-\(name)")
        try FileManager.default.copyItem(at: Fixtures.url("\(name)/config.json"), to: dir.appendingPathComponent("config.json"))
        try bytes.write(to: dir.appendingPathComponent("model.safetensors"))
        return dir
    }

    static func loadError(_ dir: URL) -> ModelFileError? {
        defer { try? FileManager.default.removeItem(at: dir) }
        do { _ = try loadLanguageModel(directory: dir); return nil } catch { return error }
    }

    /// Splits a safetensors file into its JSON header and data section.
    static func parts(_ name: String) throws -> (header: [String: Any], data: Data) {
        let bytes = try Data(contentsOf: Fixtures.url("\(name)/model.safetensors"))
        let length = Int(bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
        let header = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<(8 + length))) as! [String: Any]
        return (header, bytes.subdata(in: (8 + length)..<bytes.count))
    }

    static func assemble(_ header: [String: Any], _ data: Data) throws -> Data {
        let json = try JSONSerialization.data(withJSONObject: header)
        var length = UInt64(json.count).littleEndian
        return Data(bytes: &length, count: 8) + json + data
    }

    @Test func truncatedFile() throws {
        let bytes = try Data(contentsOf: Fixtures.url("gpt2-tiny/model.safetensors"))
        for cut in [4, 100, bytes.count - 10] {
            let error = Self.loadError(try Self.checkpoint("gpt2-tiny", safetensors: bytes.prefix(cut)))
            #expect(error?.kind == .malformed, "cut at \(cut)")
            #expect(error?.file.hasSuffix("model.safetensors") == true)
            #expect(error?.description.contains("truncated") == true)
        }
    }

    @Test func headerThatIsNotJSON() throws {
        var length = UInt64(12).littleEndian
        let bytes = Data(bytes: &length, count: 8) + Data("{not json!!}".utf8)
        let error = Self.loadError(try Self.checkpoint("gpt2-tiny", safetensors: bytes))
        #expect(error?.kind == .malformed && error!.problem.contains("header"))
    }

    @Test func headerLyingAboutOffsets() throws {
        var (header, data) = try Self.parts("gpt2-tiny")
        var entry = header["transformer.wte.weight"] as! [String: Any]
        entry["data_offsets"] = [0, data.count + 4096]  // past the end of the file
        header["transformer.wte.weight"] = entry
        let error = Self.loadError(try Self.checkpoint("gpt2-tiny", safetensors: Self.assemble(header, data)))
        #expect(error?.kind == .malformed && error!.problem.contains("transformer.wte.weight"))
    }

    @Test func headerLyingAboutDtype() throws {
        var (header, data) = try Self.parts("gpt2-tiny")
        var entry = header["transformer.ln_f.weight"] as! [String: Any]
        entry["dtype"] = "F16"  // half the bytes the offsets span
        header["transformer.ln_f.weight"] = entry
        let error = Self.loadError(try Self.checkpoint("gpt2-tiny", safetensors: Self.assemble(header, data)))
        #expect(error?.kind == .malformed && error!.problem.contains("transformer.ln_f.weight"))
        entry["dtype"] = "Q9"
        header["transformer.ln_f.weight"] = entry
        let unknown = Self.loadError(try Self.checkpoint("gpt2-tiny", safetensors: Self.assemble(header, data)))
        #expect(unknown?.problem.contains("Q9") == true)
    }

    @Test func checkpointThatDoesNotMatchTheConfig() throws {
        // Shapes: a config with a wider model than the weights.
        let dir = try Fixtures.temporaryDirectory("bad-shape")
        try Data(contentsOf: Fixtures.url("llama-tiny/model.safetensors")).write(to: dir.appendingPathComponent("model.safetensors"))
        var config = try LlamaConfig(contentsOf: Fixtures.url("llama-tiny/config.json"))
        config.intermediateSize = 128
        try ConfigFile.write(config, to: dir.appendingPathComponent("config.json"))
        let shape = Self.loadError(dir)
        #expect(shape?.kind == .inconsistent && shape!.problem.contains("gate_proj") && shape!.problem.contains("[160, 64]"))

        // A tensor missing, and one the model has no place for.
        var (header, data) = try Self.parts("llama-tiny")
        header["model.layers.2.mlp.extra.weight"] = header.removeValue(forKey: "model.norm.weight")
        let error = Self.loadError(try Self.checkpoint("llama-tiny", safetensors: Self.assemble(header, data)))
        #expect(error?.kind == .missingField && error!.problem.contains("model.norm.weight"))
        header["model.norm.weight"] = header.removeValue(forKey: "model.layers.2.mlp.extra.weight")
        header["model.layers.2.mlp.extra.weight"] = ["dtype": "F32", "shape": [4], "data_offsets": [data.count, data.count + 16]]
        data.append(Data(count: 16))
        let extra = Self.loadError(try Self.checkpoint("llama-tiny", safetensors: Self.assemble(header, data)))
        #expect(extra?.kind == .inconsistent && extra!.problem.contains("model.layers.2.mlp.extra.weight"))
    }

    @Test func missingFiles() throws {
        let dir = try Fixtures.temporaryDirectory("empty")
        let noConfig = Self.loadError(dir)
        #expect(noConfig?.kind == .unreadable && noConfig!.file.hasSuffix("config.json"))
        #expect(noConfig?.description.contains("config.json not found in \(dir.path)") == true, "\(noConfig?.description ?? "")")
        #expect(noConfig?.fix.contains("the folder is empty") == true)
        #expect(noConfig?.description.contains("doesn’t exist") == false, "no Foundation wording")
        // A LoRA adapter folder passed as a model is named as one.
        let adapter = try Fixtures.temporaryDirectory("adapter")
        try Data("{}".utf8).write(to: adapter.appendingPathComponent("adapter_config.json"))
        #expect(Self.loadError(adapter)?.fix.contains("LoRA adapter folder") == true)
        #expect(Self.loadError(adapter.appendingPathComponent("nope"))?.problem.contains("does not exist") == true)
        let noWeights = try Fixtures.temporaryDirectory("no-weights")
        try FileManager.default.copyItem(at: Fixtures.url("gpt2-tiny/config.json"), to: noWeights.appendingPathComponent("config.json"))
        let error = Self.loadError(noWeights)
        #expect(error?.kind == .unreadable && error!.file.hasSuffix("model.safetensors"))
    }

    @Test func tokenizerFilesOfTheWrongKind() throws {
        let dir = try Fixtures.temporaryDirectory("tokenizer")
        defer { try? FileManager.default.removeItem(at: dir) }
        func error(_ json: String) throws -> ModelFileError? {
            let url = dir.appendingPathComponent("tokenizer.json")
            try Data(json.utf8).write(to: url)
            do { _ = try BytePairTokenizer(tokenizerJSON: url); return nil } catch { return error }
        }
        let unigram = try error(#"{"model": {"type": "Unigram", "vocab": [["a", 0.0]]}}"#)
        #expect(unigram?.kind == .unsupported && unigram!.problem.contains("Unigram") && unigram!.file.hasSuffix("tokenizer.json"))
        let wordPiece = try error(#"{"model": {"type": "WordPiece", "vocab": {"a": 0}}}"#)
        #expect(wordPiece?.problem.contains("WordPiece") == true)
        let sentencePiece = try error(#"{"model": {"type": "BPE", "byte_fallback": true, "vocab": {}, "merges": []}}"#)
        #expect(sentencePiece?.kind == .unsupported)
        #expect(try error("[1, 2, 3]")?.kind == .malformed)
        #expect(try error("{\"model\": ")?.kind == .malformed)
        let metaspace = try error(#"{"model": {"type": "BPE", "vocab": {"▁a": 0}, "merges": []}, "pre_tokenizer": {"type": "Metaspace"}}"#)
        #expect(metaspace?.kind == .unsupported)

        // Merges that refer to tokens the vocabulary lacks.
        let reference = try String(contentsOf: Fixtures.url("tokenizer-bpe/tokenizer.json"), encoding: .utf8)
        let broken = reference.replacingOccurrences(of: "\"Ġ\": 221", with: "\"Gx\": 221")
        let missingByte = try error(broken)
        #expect(missingByte?.kind == .inconsistent || missingByte?.kind == .unsupported)

        let merges = dir.appendingPathComponent("merges.txt")
        try Data("#version: 0.2\nĠ s\nthree parts here\n".utf8).write(to: merges)
        do {
            _ = try BytePairTokenizer(vocabularyFile: Fixtures.url("tokenizer-bpe/vocab.json"), mergesFile: merges)
            Issue.record("a malformed merges.txt loaded")
        } catch {
            #expect(error.kind == .malformed && error.problem.contains("line 3") && error.file.hasSuffix("merges.txt"))
        }
    }
}
