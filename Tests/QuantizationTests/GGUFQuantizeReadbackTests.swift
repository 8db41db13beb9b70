import Foundation
import Testing
import Transformers
@testable import Quantization

/// The files `llmcourse quantize` writes, as llama.cpp's `gguf` Python package read them
/// (Scripts/fixtures/gguf_quantize_readback.py): written again here, they must be the same bytes,
/// and our dequantization must give the package's values.
@Suite("quantize's GGUF files against the gguf package's reading")
struct GGUFQuantizeReadbackTests {
    static func expected() throws -> [String: [String: Any]] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: FixturePaths.folder.appendingPathComponent("gguf-readback.json"))) as! [String: [String: Any]]
    }

    /// FNV-1a, 64-bit: the script computes the same.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return String(format: "%016llx", h)
    }

    @Test(arguments: [("llama-tiny", GGMLTensorType.q4_0, "q4_0"), ("gpt2-tiny", .q8_0, "q8_0")])
    func sameBytesSameValues(folder: String, type: GGMLTensorType, suffix: String) throws {
        let want = try #require(try Self.expected()["\(folder)-\(suffix)"])
        let directory = FixturePaths.transformersFixtures.appendingPathComponent(folder)
        let model = try loadLanguageModel(directory: directory)
        let file = try GGUFModelExport.file(model, tokenizer: try BytePairTokenizer(directory: directory), matrixType: type, name: folder)
        let bytes = try file.encoded()
        #expect(bytes.count == want["bytes"] as? Int)
        #expect(Self.fnv1a(bytes) == want["fnv1a64"] as? String)

        let read = try GGUFFile(bytes: bytes)
        // gguf lists shapes fastest-varying first (ggml's ne order): ours reversed.
        let tensors = read.tensors.map { [$0.name, String(describing: $0.type).uppercased(), Array($0.shape.reversed())] as [Any] }
        let theirs = try #require(want["tensors"] as? [[Any]])
        #expect(tensors.count == theirs.count)
        for (ours, reference) in zip(tensors, theirs) {
            #expect(ours[0] as? String == reference[0] as? String && ours[1] as? String == reference[1] as? String)
            #expect(ours[2] as? [Int] == reference[2] as? [Int], "\(ours[0])")
        }
        let probe = try #require(read.tensor(named: want["probe_tensor"] as! String)).values()
        let first = want["probe_first_values"] as! [Double]
        let worst = zip(probe, first).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(worst < 1e-6, "max |Δ| over the first values = \(worst)")
        #expect(probe.count == want["probe_count"] as? Int)
        let sum = probe.reduce(0.0) { $0 + Double($1) }, theirSum = want["probe_sum"] as! Double
        #expect(abs(sum - theirSum) < 1e-3 * max(1, abs(theirSum)), "\(sum) vs \(theirSum)")
        #expect(read["tokenizer.ggml.model"]?.string == want["tokenizer_model"] as? String)
    }
}
