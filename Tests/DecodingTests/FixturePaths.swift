import Foundation
import Transformers
import Decoding

/// Test data: `Fixtures/sampling.json` here; the tiny checkpoints are the Transformers tests' copies.
enum Fixtures {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let models = here.deletingLastPathComponent().appendingPathComponent("TransformersTests/Fixtures")

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    static func sampling() throws -> [String: Any] { try json(here.appendingPathComponent("Fixtures/sampling.json")) }

    static func expected(_ model: String) throws -> [String: Any] {
        try json(models.appendingPathComponent("\(model)/expected.json"))
    }

    static func model(_ name: String) throws -> LanguageModelAdapter {
        LanguageModelAdapter(try loadLanguageModel(directory: models.appendingPathComponent(name)))
    }

    static func tokenizer() throws -> BytePairTokenizer {
        try BytePairTokenizer(directory: models.appendingPathComponent("gpt2-tiny"))
    }
}
