import Foundation
import Testing
import Tensors
import Transformers
@testable import Quantization

/// Cross-checks our GGUF files with the `gguf` Python package (llama.cpp's own reader), when installed.
@Suite("GGUF files as the gguf Python package reads them")
struct GGUFPythonTests {
    /// Reads the file with gguf.GGUFReader, dequantizes every tensor with gguf.quants, and
    /// re-quantizes the F32 source with gguf.quants.quantize; prints one JSON object.
    static let script = """
    import json, sys
    import numpy as np
    import gguf
    from gguf import quants
    r = gguf.GGUFReader(sys.argv[1])
    out = {"tensors": {}, "fields": {}}
    for t in r.tensors:
        v = quants.dequantize(t.data, t.tensor_type).astype(np.float64)
        out["tensors"][t.name] = {"type": t.tensor_type.name, "shape": [int(d) for d in t.shape],
                                  "values": v.reshape(-1).tolist()}
    src = r.get_tensor(0)
    x = quants.dequantize(src.data, src.tensor_type).astype(np.float32)
    out["requantized"] = {q.name: quants.quantize(x, q).reshape(-1).tolist()
                          for q in (gguf.GGMLQuantizationType.Q8_0, gguf.GGMLQuantizationType.Q4_0)}
    for k in ("general.architecture", "general.alignment", "gpt2.block_count", "tokenizer.ggml.model"):
        f = r.get_field(k)
        if f is not None:
            out["fields"][k] = f.contents()
    f = r.get_field("tokenizer.ggml.tokens")
    out["token_count"] = len(f.data) if f is not None else 0
    print(json.dumps(out))
    """

    /// nil when python3 or the package is missing (the reason is printed).
    static func python(_ arguments: [String]) -> Data? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        do { try p.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? data : nil
    }

    @Test("the gguf package sees our metadata, shapes and exactly our values; our Q8_0/Q4_0 bytes equal its quantizer's")
    func pythonReader() throws {
        guard Self.python(["-c", "import gguf, numpy"]) != nil else {
            print("skipped: the gguf Python package is not importable (pip install gguf)")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gguf-test-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = try GPT2Model(directory: FixturePaths.transformersFixtures.appendingPathComponent("gpt2-tiny"))
        let tokenizer = try BytePairTokenizer(directory: FixturePaths.transformersFixtures.appendingPathComponent("gpt2-tiny"))
        var file = try GGUFModelExport.file(model, tokenizer: tokenizer, matrixType: .q4_0)
        var rng = SplitMix64(seed: 11)
        let source = (0..<3 * 64).map { _ in rng.nextNormal() * 3 }
        file.tensors.insert(try GGUFTensor(name: "probe.f32", shape: [3, 64], values: source, type: .f32), at: 0)
        for type in [GGMLTensorType.f16, .q8_0, .q4_0] {
            file.tensors.append(try GGUFTensor(name: "probe.\(type)", shape: [3, 64], values: source, type: type))
        }
        let url = dir.appendingPathComponent("model.gguf")
        try file.write(to: url)
        let scriptURL = dir.appendingPathComponent("read.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let data = try #require(Self.python([scriptURL.path, url.path]), "the gguf package could not read the file")
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tensors = try #require(json["tensors"] as? [String: [String: Any]])
        #expect(tensors.count == file.tensors.count)
        for t in file.tensors {
            let theirs = try #require(tensors[t.name], "\(t.name) missing")
            #expect((theirs["shape"] as? [Int]) == t.shape.reversed(), "\(t.name)")   // gguf lists ne[0] first
            let values = try #require(theirs["values"] as? [Double])
            #expect(values.map { Float($0) } == t.values(), "\(t.name) (\(t.type))")
        }
        let requantized = try #require(json["requantized"] as? [String: [Int]])
        #expect(requantized["Q8_0"] == file.tensor(named: "probe.q8_0")?.data.map(Int.init))
        #expect(requantized["Q4_0"] == file.tensor(named: "probe.q4_0")?.data.map(Int.init))
        let fields = try #require(json["fields"] as? [String: Any])
        #expect(fields["general.architecture"] as? String == "gpt2")
        #expect(fields["general.alignment"] as? Int == 32)
        #expect(fields["gpt2.block_count"] as? Int == 2)
        #expect(fields["tokenizer.ggml.model"] as? String == "gpt2")
        #expect(json["token_count"] as? Int == tokenizer.vocabularySize)
    }

    @Test("the Llama export names, shapes and reorders tensors for llama.cpp")
    func llamaExport() throws {
        let dir = FixturePaths.transformersFixtures.appendingPathComponent("llama-tiny")
        let model = try LlamaModel(directory: dir)
        let file = try GGUFModelExport.file(model, tokenizer: try BytePairTokenizer(directory: dir), matrixType: .q8_0)
        let back = try GGUFFile(bytes: try file.encoded())
        #expect(back["llama.attention.head_count_kv"]?.integer == 2)
        #expect(back["llama.rope.freq_base"]?.float == 10000)
        let q = try #require(back.tensor(named: "blk.0.attn_q.weight"))
        #expect(q.shape == [64, 64] && q.type == .q8_0)
        #expect(back.tensor(named: "blk.1.ffn_gate.weight")?.shape == [160, 64])
        #expect(back.tensor(named: "output_norm.weight")?.type == .f32)
        // Row (head 0, second half, i = 0) of HF's q_proj becomes row 1 (the pair partner of row 0).
        let hf = model.model.layers[0].self_attn.k_proj.weight.value
        let k = try #require(back.tensor(named: "blk.0.attn_k.weight")).values()
        let half = 16 / 2
        for j in 0..<64 { #expect(abs(k[64 + j] - hf.scalars[half * 64 + j]) <= 0.01 * abs(hf.scalars[half * 64 + j]) + 1e-3) }
    }
}
