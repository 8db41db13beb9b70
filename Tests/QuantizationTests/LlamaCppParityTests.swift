import Autograd
import Foundation
import Testing
import Transformers
@testable import Quantization

/// The GGUF files `llmcourse quantize` writes, run in llama.cpp itself
/// (Scripts/fixtures/llamacpp_logits.py): llama.cpp must split the probe into our token ids and
/// compute our logits. At F32 only rounding differs — for Llama; GPT-2's GELU is read from
/// ggml's float16 lookup table, worth about 1e-3. At Q8_0 llama.cpp also rounds the activations
/// to 8-bit blocks inside its products (ours multiply the dequantized weights in float), so the
/// tolerance is wider.
@Suite("quantize's files in llama.cpp")
struct LlamaCppParityTests {
    static func expected() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: FixturePaths.folder.appendingPathComponent("llamacpp-logits.json"))) as! [String: Any]
    }

    @Test(arguments: [("gpt2-tiny", GGMLTensorType.f32, "f32", 3e-3), ("llama-tiny", .f32, "f32", 1e-4),
                      ("gpt2-tiny", .q8_0, "q8_0", 0.15), ("llama-tiny", .q8_0, "q8_0", 0.15)])
    func sameTokensSameLogits(folder: String, type: GGMLTensorType, suffix: String, tolerance: Double) throws {
        let fixture = try Self.expected()
        let run = try #require((fixture["runs"] as? [String: [String: Any]])?["\(folder)-\(suffix)"])
        let directory = FixturePaths.transformersFixtures.appendingPathComponent(folder)
        let tokenizer = try BytePairTokenizer(directory: directory)
        let ids = tokenizer.encode(fixture["probe"] as! String)
        #expect(ids == run["ids"] as? [Int], "llama.cpp's tokens differ")

        // The model as llama.cpp holds it: written to GGUF, read back, dequantized.
        let model = try loadLanguageModel(directory: directory)
        let file = try GGUFFile(bytes: try GGUFModelExport.file(model, tokenizer: tokenizer, matrixType: type, name: folder).encoded())
        try GGUFModelExport.restore(file, into: model)
        let logits = withNoGrad { model(ids).value }
        let reference = run["last_logits"] as! [[Double]]
        let v = logits.shape.last!, first = ids.count - reference.count
        var worst = 0.0
        for (row, values) in reference.enumerated() {
            for (j, e) in values.enumerated() { worst = max(worst, abs(Double(logits.scalars[(first + row) * v + j]) - e)) }
        }
        #expect(worst < tolerance, "max |Δlogit| = \(worst)")
    }
}
