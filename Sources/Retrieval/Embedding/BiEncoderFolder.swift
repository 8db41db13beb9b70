import Foundation
import NeuralNets
import Tensors

/// A trained ``BiEncoder`` as a model folder, in the layout Hugging Face folders use:
///
///     config.json          {"model_type": "llmcourse-bi-encoder", "hidden_size": 64, "temperature": 0.05,
///                           "vocab_size": 9000, "pooling": "idf-weighted-mean"}
///     vocab.txt            one term per line, tab, its idf (line n = row n)
///     model.safetensors    "embeddings": F32 [vocab_size, hidden_size]
///
/// Loading checks every file against the others and names what disagrees, so a folder from
/// another model, or a half-copied one, is refused instead of searched with.
///
/// ```swift
/// try BiEncoderFolder.save(encoder, to: folder)
/// let encoder = try BiEncoderFolder.load(folder)
/// ```
public enum BiEncoderFolder {
    public static let modelType = "llmcourse-bi-encoder"

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case missingFile(folder: String, file: String)
        case notABiEncoder(folder: String, modelType: String)
        case malformed(file: String, reason: String)
        case mismatch(folder: String, reason: String)

        public var description: String {
            switch self {
            case let .missingFile(folder, file):
                "\(folder): no \(file); a bi-encoder folder holds config.json, vocab.txt and model.safetensors (train one with `llmcourse run bi-encoder`)"
            case let .notABiEncoder(folder, type):
                "\(folder): config.json says model_type \"\(type)\", not \"\(modelType)\"; for a GPT-2 or Llama folder pass it as --embedding-model (mean-pooled hidden states)"
            case let .malformed(file, reason):
                "\(file): \(reason); the folder is damaged, save or train it again"
            case let .mismatch(folder, reason):
                "\(folder): \(reason); the files come from different models, save or train the folder again"
            }
        }
    }

    struct Config: Codable {
        var model_type: String
        var hidden_size: Int
        var temperature: Float
        var vocab_size: Int
        var pooling: String
    }

    public static func save(_ encoder: BiEncoder, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let config = Config(model_type: modelType, hidden_size: encoder.dimension, temperature: encoder.temperature,
                            vocab_size: encoder.vocabulary.count, pooling: "idf-weighted-mean")
        let json = JSONEncoder()
        json.outputFormatting = [.prettyPrinted, .sortedKeys]
        try json.encode(config).write(to: folder.appendingPathComponent("config.json"), options: .atomic)
        let lines = zip(encoder.vocabulary.terms, encoder.vocabulary.idf).map { "\($0)\t\($1)" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("vocab.txt"), options: .atomic)
        let table = Tensor(shape: [encoder.vocabulary.count, encoder.dimension], scalars: encoder.embeddings)
        try Safetensors.save(["embeddings": table], to: folder.appendingPathComponent("model.safetensors"))
    }

    public static func load(_ folder: URL) throws -> BiEncoder {
        func file(_ name: String) throws(Problem) -> URL {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { throw .missingFile(folder: folder.path, file: name) }
            return url
        }
        let configURL = try file("config.json")
        let config: Config
        do { config = try JSONDecoder().decode(Config.self, from: Data(contentsOf: configURL)) } catch {
            if let type = (try? JSONSerialization.jsonObject(with: Data(contentsOf: configURL)) as? [String: Any])?["model_type"] as? String,
               type != modelType {
                throw Problem.notABiEncoder(folder: folder.path, modelType: type)
            }
            throw Problem.malformed(file: configURL.path, reason: "not a bi-encoder config (needs model_type, hidden_size, temperature, vocab_size, pooling)")
        }
        guard config.model_type == modelType else { throw Problem.notABiEncoder(folder: folder.path, modelType: config.model_type) }
        guard config.hidden_size > 0, config.vocab_size > 0 else {
            throw Problem.malformed(file: configURL.path, reason: "hidden_size and vocab_size must be positive")
        }
        let vocabURL = try file("vocab.txt")
        guard let text = try? String(contentsOf: vocabURL, encoding: .utf8) else {
            throw Problem.malformed(file: vocabURL.path, reason: "not UTF-8 text")
        }
        var terms: [String] = [], idf: [Float] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let weight = Float(fields[1]) else {
                throw Problem.malformed(file: vocabURL.path, reason: "line \(n + 1) is not \"term<TAB>idf\"")
            }
            terms.append(String(fields[0]))
            idf.append(weight)
        }
        guard terms.count == config.vocab_size else {
            throw Problem.mismatch(folder: folder.path, reason: "vocab.txt has \(terms.count) terms, config.json says vocab_size \(config.vocab_size)")
        }
        let table = try SafetensorsFile(url: try file("model.safetensors")).tensor("embeddings")
        guard table.shape == [config.vocab_size, config.hidden_size] else {
            throw Problem.mismatch(folder: folder.path, reason: "embeddings are \(table.shape), config.json says [\(config.vocab_size), \(config.hidden_size)]")
        }
        return BiEncoder(vocabulary: TermVocabulary(terms: terms, idf: idf), dimension: config.hidden_size,
                         embeddings: table.scalars, temperature: config.temperature)
    }
}
