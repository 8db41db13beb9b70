import Foundation

/// Loading and saving tokenizers in the two formats checkpoints ship with:
/// GPT-2's `vocab.json` + `merges.txt`, and Hugging Face's single `tokenizer.json`.
extension BytePairTokenizer {
    /// Loads the tokenizer of a checkpoint folder: `tokenizer.json` when present, else
    /// `vocab.json` + `merges.txt`.
    public init(directory: URL) throws(ModelFileError) {
        let json = directory.appendingPathComponent("tokenizer.json")
        if FileManager.default.fileExists(atPath: json.path) {
            try self.init(tokenizerJSON: json)
        } else {
            try self.init(
                vocabularyFile: directory.appendingPathComponent("vocab.json"),
                mergesFile: directory.appendingPathComponent("merges.txt"))
        }
    }

    /// Loads GPT-2's pair of files. Vocabulary entries that look like `<|…|>` are special tokens.
    public init(vocabularyFile: URL, mergesFile: URL) throws(ModelFileError) {
        let vocabulary = try Self.parseVocabulary(ModelFileError.readData(vocabularyFile), file: vocabularyFile.path)
        let text = String(decoding: try ModelFileError.readData(mergesFile), as: UTF8.self)
        var merges: [(String, String)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#version") || line.isEmpty { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ModelFileError(
                    file: mergesFile.path, kind: .malformed,
                    problem: "line \(number + 1) is not two tokens separated by one space: \(String(line).debugDescription)",
                    fix: "merges.txt holds one merge per line, like \"Ġ t\"")
            }
            merges.append((String(parts[0]), String(parts[1])))
        }
        let specials = vocabulary.filter { $0.key.hasPrefix("<|") && $0.key.hasSuffix("|>") }
        try self.init(vocabulary: vocabulary, merges: merges, specialTokens: specials, source: mergesFile.path)
    }

    /// Loads a Hugging Face `tokenizer.json` whose model is byte-level BPE.
    public init(tokenizerJSON url: URL) throws(ModelFileError) {
        let file = url.path
        let root = try Self.jsonObject(ModelFileError.readData(url), file: file)
        guard let model = root["model"] as? [String: Any] else {
            throw ModelFileError(file: file, kind: .missingField, problem: "no \"model\" object",
                                 fix: "is this a Hugging Face tokenizer.json?")
        }
        let type = model["type"] as? String ?? "(none)"
        guard type == "BPE" else {
            throw ModelFileError(
                file: file, kind: .unsupported, problem: "unsupported tokenizer model \"\(type)\"",
                fix: "only byte-level BPE tokenizers (GPT-2, SmolLM, …) are supported; use a checkpoint whose tokenizer.json has \"model\": {\"type\": \"BPE\"}")
        }
        if model["byte_fallback"] as? Bool == true {
            throw ModelFileError(
                file: file, kind: .unsupported, problem: "a BPE model with byte_fallback (SentencePiece style, as in Llama 2)",
                fix: "only byte-level BPE tokenizers (GPT-2 style) are supported")
        }
        guard let vocabulary = model["vocab"] as? [String: Int] else {
            throw ModelFileError(file: file, kind: .missingField, problem: "model.vocab is missing or not a map of token → id",
                                 fix: "the file may be truncated; download it again")
        }
        let merges = try Self.parseMerges(model["merges"], file: file)
        var specials: [String: Int] = [:]
        for case let added as [String: Any] in root["added_tokens"] as? [Any] ?? [] {
            if let content = added["content"] as? String, let id = added["id"] as? Int { specials[content] = id }
        }
        let preTokenizer = try Self.parsePreTokenizer(root["pre_tokenizer"], file: file)
        try self.init(vocabulary: vocabulary, merges: merges, specialTokens: specials,
                      preTokenizer: preTokenizer, source: file)
    }

    /// Writes `vocab.json` and `merges.txt` into `directory` (GPT-2's format), so that the
    /// tokenizer of a checkpoint we trained loads like any other.
    public func save(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var vocabulary: [String: Int] = [:]
        for id in bytesById.keys { vocabulary[token(for: id)!] = id }
        let json = try JSONSerialization.data(withJSONObject: vocabulary, options: [.sortedKeys])
        try json.write(to: directory.appendingPathComponent("vocab.json"))
        var lines = ["#version: 0.2"]
        for pair in mergeList { lines.append("\(token(for: pair.left)!) \(token(for: pair.right)!)") }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent("merges.txt"))
    }

    static func jsonObject(_ data: Data, file: String) throws(ModelFileError) -> [String: Any] {
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data) } catch {
            throw ModelFileError(file: file, kind: .malformed, problem: "not valid JSON (\(error.localizedDescription))",
                                 fix: "the file may be truncated or not a JSON file; download it again")
        }
        guard let object = value as? [String: Any] else {
            throw ModelFileError(file: file, kind: .malformed, problem: "the top level is not a JSON object",
                                 fix: "check that this is the right file")
        }
        return object
    }

    static func parseVocabulary(_ data: Data, file: String) throws(ModelFileError) -> [String: Int] {
        guard let vocabulary = try jsonObject(data, file: file) as? [String: Int] else {
            throw ModelFileError(file: file, kind: .malformed, problem: "not a JSON map from token to integer id",
                                 fix: "vocab.json must look like {\"!\": 0, \"\\\"\": 1, …}")
        }
        return vocabulary
    }

    /// Merges come as `"a b"` strings (older files) or `["a", "b"]` pairs (newer files).
    static func parseMerges(_ value: Any?, file: String) throws(ModelFileError) -> [(String, String)] {
        guard let list = value as? [Any] else {
            throw ModelFileError(file: file, kind: .missingField, problem: "model.merges is missing or not a list",
                                 fix: "the file may be truncated; download it again")
        }
        var merges: [(String, String)] = []
        for (index, item) in list.enumerated() {
            if let text = item as? String {
                let parts = text.split(separator: " ", omittingEmptySubsequences: false)
                if parts.count == 2 { merges.append((String(parts[0]), String(parts[1]))); continue }
            } else if let pair = item as? [String], pair.count == 2 {
                merges.append((pair[0], pair[1]))
                continue
            }
            throw ModelFileError(file: file, kind: .malformed, problem: "model.merges[\(index)] is not a pair of tokens",
                                 fix: "each merge must be \"a b\" or [\"a\", \"b\"]")
        }
        return merges
    }

    /// Supported: `ByteLevel`, and a `Sequence` of `Digits` and `ByteLevel` (SmolLM).
    static func parsePreTokenizer(_ value: Any?, file: String) throws(ModelFileError) -> PreTokenizer {
        func unsupported(_ what: String) -> ModelFileError {
            ModelFileError(file: file, kind: .unsupported, problem: "unsupported pre_tokenizer \(what)",
                           fix: "only GPT-2's byte-level pre-tokenizer (optionally after Digits) is implemented")
        }
        guard let object = value as? [String: Any], let type = object["type"] as? String else {
            throw unsupported("(none) — a byte-level BPE needs \"pre_tokenizer\": {\"type\": \"ByteLevel\"}")
        }
        switch type {
        case "ByteLevel":
            if object["add_prefix_space"] as? Bool == true { throw unsupported("ByteLevel with add_prefix_space") }
            return PreTokenizer(usesPattern: object["use_regex"] as? Bool ?? true)
        case "Sequence":
            var result = PreTokenizer()
            var sawByteLevel = false
            for step in object["pretokenizers"] as? [Any] ?? [] {
                let inner = step as? [String: Any] ?? [:]
                switch inner["type"] as? String {
                case "Digits" where !sawByteLevel && inner["individual_digits"] as? Bool == true:
                    result.individualDigits = true
                case "ByteLevel":
                    let byteLevel = try parsePreTokenizer(inner, file: file)
                    result.usesPattern = byteLevel.usesPattern
                    sawByteLevel = true
                default: throw unsupported("step \"\(inner["type"] as? String ?? "?")\" in a Sequence")
                }
            }
            guard sawByteLevel else { throw unsupported("Sequence without a ByteLevel step") }
            return result
        default:
            throw unsupported("\"\(type)\"")
        }
    }
}
