import Foundation

/// The part of a Hugging Face model card (`README.md`) that names where a model came from: the
/// `base_model` field of its YAML front matter, a single id or a list, and optionally
/// `base_model_relation` (`finetune`, `adapter`, `merge`, `quantized`).
///
/// Only these two keys are read, line by line, so no YAML library is needed:
/// ```
/// ---
/// base_model:
/// - HuggingFaceTB/SmolLM-135M
/// base_model_relation: finetune
/// ---
/// ```
enum ModelCard {
    static func baseModels(in folder: URL) -> (models: [String], relation: String?)? {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8) else { return nil }
        return parse(text)
    }

    static func parse(_ text: String) -> (models: [String], relation: String?)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return nil }
        var models: [String] = [], relation: String?
        var inList = false
        for line in lines[1..<end] {
            if inList, line.hasPrefix("- ") {
                models.append(unquote(String(line.dropFirst(2))))
                continue
            }
            inList = false
            if line.hasPrefix("base_model:") {
                let value = line.dropFirst("base_model:".count).trimmingCharacters(in: .whitespaces)
                if value.isEmpty { inList = true } else if value.hasPrefix("[") {
                    models += value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").map { unquote(String($0)) }
                } else {
                    models.append(unquote(value))
                }
            } else if line.hasPrefix("base_model_relation:") {
                relation = unquote(String(line.dropFirst("base_model_relation:".count)))
            }
        }
        return models.isEmpty ? nil : (models.filter { !$0.isEmpty }, relation)
    }

    private static func unquote(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
