import Foundation

/// Reading and writing Hugging Face `config.json` files, with errors that name the file and key.
public enum ConfigFile {
    /// The `model_type` of a `config.json` (`"gpt2"`, `"llama"`, …).
    public static func modelType(of url: URL) throws(ModelFileError) -> String {
        struct Probe: Decodable {
            let model_type: String
        }
        return try decode(Probe.self, from: url).model_type
    }

    /// Decodes `type` from the JSON file at `url`, turning decoding failures into a
    /// ``ModelFileError`` that names the file and the offending key.
    public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws(ModelFileError) -> T {
        let data = try ModelFileError.readData(url)
        return try decode(type, from: data, file: url.path)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(ModelFileError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as ModelFileError {
            throw ModelFileError(file: file, kind: error.kind, problem: error.problem, fix: error.fix)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw ModelFileError(file: file, kind: .missingField, problem: "missing field \"\(path)\"",
                                 fix: "add it to the file, or use the config.json that came with the checkpoint")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ModelFileError(file: file, kind: .malformed, problem: "field \"\(path)\" has the wrong type (\(context.debugDescription))",
                                 fix: "compare it with a config.json from Hugging Face")
        } catch let DecodingError.dataCorrupted(context) {
            throw ModelFileError(file: file, kind: .malformed, problem: "not valid JSON (\(context.debugDescription))",
                                 fix: "the file may be truncated; download it again")
        } catch {
            throw ModelFileError(file: file, kind: .malformed, problem: "cannot decode (\(error))", fix: "")
        }
    }

    /// Writes `value` as pretty, key-sorted JSON.
    public static func write<T: Encodable>(_ value: T, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(value).write(to: url)
    }

    /// A consistency problem found after decoding (the file name is filled in by ``decode(_:from:)``).
    static func inconsistent(_ problem: String, fix: String) -> ModelFileError {
        ModelFileError(file: "config.json", kind: .inconsistent, problem: problem, fix: fix)
    }

    static func unsupported(_ problem: String, fix: String) -> ModelFileError {
        ModelFileError(file: "config.json", kind: .unsupported, problem: problem, fix: fix)
    }
}
