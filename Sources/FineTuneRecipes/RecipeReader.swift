import FineTuning
import Foundation
import Yams

/// Turns YAML nodes into recipe values, or into a ``RecipeError`` on the node's line.
struct RecipeReader {
    let file: URL
    let folder: URL

    func fail(_ node: Node, _ key: String?, _ problem: String, _ fix: String) -> RecipeError {
        RecipeError(file: file.path, line: node.mark?.line, key: key, problem: problem, fix: fix)
    }

    /// libyaml's message with its line, e.g. "mapping values are not allowed in this context".
    func syntaxError(_ error: Error) -> RecipeError {
        let fix = "YAML needs `key: value` with a space after the colon, and the same indentation for items of one list"
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return RecipeError(file: file.path, line: mark.line, problem: "not valid YAML: \(problem)", fix: fix)
        case .duplicatedKeysInMapping(let duplicates, _):
            return RecipeError(file: file.path, key: duplicates.joined(separator: ", "), problem: "is given twice", fix: "keep one of them")
        default:
            return RecipeError(file: file.path, problem: "not valid YAML (\(error))", fix: fix)
        }
    }

    /// A plain scalar's text: not a list, not a mapping.
    func scalar(_ node: Node, _ key: String, _ example: String) throws(RecipeError) -> String {
        guard let text = node.scalar?.string else { throw fail(node, key, "must be a single value, not a list or a mapping", "write it as \(example)") }
        return text
    }

    func int(_ node: Node, _ key: String, atLeast minimum: Int, example: String) throws(RecipeError) -> Int {
        let text = try scalar(node, key, example)
        guard let value = Int(text), value >= minimum else {
            throw fail(node, key, "must be a whole number of \(minimum) or more, not \"\(text)\"", "write it as \(example)")
        }
        return value
    }

    /// A finite number; `above` is an exclusive lower bound.
    func number(_ node: Node, _ key: String, above minimum: Double?, example: String) throws(RecipeError) -> Double {
        let text = try scalar(node, key, example)
        guard let value = Double(text), value.isFinite, minimum.map({ value > $0 }) ?? true else {
            let bound = minimum.map { "a number above \($0 == 0 ? "0" : String($0))" } ?? "a number"
            throw fail(node, key, "must be \(bound), not \"\(text)\"", "write it as \(example)")
        }
        return value
    }

    /// A number in [0, 1).
    func fraction(_ node: Node, _ key: String) throws(RecipeError) -> Double {
        let text = try scalar(node, key, "\(key): 0.1")
        guard let value = Double(text), value >= 0, value < 1 else {
            throw fail(node, key, "must be a number from 0 up to (not including) 1, not \"\(text)\"", "write it as \(key): 0.1")
        }
        return value
    }

    func bool(_ node: Node, _ key: String) throws(RecipeError) -> Bool {
        let text = try scalar(node, key, "\(key): true")
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(node, key, "must be true or false, not \"\(text)\"", "write it as \(key): true")
        }
    }

    func choice<C: RawRepresentable & CaseIterable>(_ node: Node, _ key: String) throws(RecipeError) -> C where C.RawValue == String {
        let names = C.allCases.map(\.rawValue)
        let text = try scalar(node, key, "\(key): \(names[0])")
        guard let value = C(rawValue: text) else {
            throw fail(node, key, "\"\(text)\" is not one of \(names.joined(separator: ", "))", "write one of them, e.g. \(key): \(names[0])")
        }
        return value
    }

    /// A list of names; one bare name counts as a list of one.
    func strings(_ node: Node, _ key: String) throws(RecipeError) -> [String] {
        if let single = node.scalar?.string { return [single] }
        guard let sequence = node.sequence, !sequence.isEmpty else {
            throw fail(node, key, "must be a non-empty list", "write it as \(key): [c_attn, c_proj]")
        }
        var names: [String] = []
        for item in sequence {
            guard let name = item.scalar?.string, !name.isEmpty else { throw fail(item, key, "every item must be a name", "write it as \(key): [c_attn, c_proj]") }
            names.append(name)
        }
        return names
    }

    /// A path relative to the recipe's folder (or absolute).
    func path(_ node: Node, _ key: String) throws(RecipeError) -> URL {
        let text = try scalar(node, key, "\(key): some/folder")
        guard !text.isEmpty else { throw fail(node, key, "is empty", "give a path, relative to the recipe's folder") }
        return text.hasPrefix("/") ? URL(fileURLWithPath: text) : folder.appendingPathComponent(text).standardizedFileURL
    }

    func datasets(_ node: Node) throws(RecipeError) -> [FineTuneRecipe.Dataset] {
        let example = "datasets:\n    - path: train.jsonl\n      type: alpaca"
        guard let sequence = node.sequence, !sequence.isEmpty else {
            throw fail(node, "datasets", "must be a list of {path, type}", "write it as\n  \(example)")
        }
        var result: [FineTuneRecipe.Dataset] = []
        for (index, item) in sequence.enumerated() {
            let key = "datasets[\(index + 1)]"
            guard let entry = item.mapping else { throw fail(item, key, "must be a mapping with path and type", "write it as\n  \(example)") }
            for (name, _) in entry where !["path", "type"].contains(name.string ?? "") {
                throw fail(name, key, "has an unknown key \"\(name.string ?? "?")\"", "a dataset has path and type only")
            }
            guard let path = entry["path"] else { throw fail(item, key + ".path", "is missing", "add the JSON Lines file's path") }
            guard let type = entry["type"] else { throw fail(item, key + ".type", "is missing", "add type: alpaca, chat_template or completion") }
            result.append(.init(path: try self.path(path, key + ".path"), type: try choice(type, key + ".type")))
        }
        return result
    }
}

/// The closest of `candidates` to `word` when it is a likely typo (edit distance ≤ 2, or ≤ 3
/// for long keys), for "did you mean" hints.
func closestKey(to word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }.min { $0.1 < $1.1 }
    guard let (best, distance) = scored, distance <= (word.count > 12 ? 3 : 2) else { return nil }
    return best
}

/// Levenshtein distance: insertions, deletions and substitutions each cost 1.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1] + Array(repeating: 0, count: b.count)
        for (j, y) in b.enumerated() {
            current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
