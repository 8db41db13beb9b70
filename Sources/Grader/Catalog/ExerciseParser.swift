import Course
import Foundation

/// Reads `exercise.md` / `exercise.zh-TW.md`: the metadata comment, the title and the hints.
///
/// Line based on purpose: the metadata comment and the `## Hints` list are the only
/// machine-read parts, and reporting their problems with exact line numbers matters more
/// than full Markdown fidelity (the terminal and the site render the file with libcmark).
enum ExerciseParser {
    struct Parsed {
        var fields: [String: (value: String, line: Int)]
        var text: ExerciseText
    }

    static func parse(_ source: String, path: String) throws(ExerciseError) -> Parsed {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let open = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("<!-- exercise") }) else {
            throw .malformed(path: path, line: 1, problem: "no metadata comment: start the file with `<!-- exercise`, then `key: value` lines, then `-->`")
        }
        var fields: [String: (value: String, line: Int)] = [:]
        var index = open + 1
        var closed = false
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("-->") { closed = true; break }
            if !line.isEmpty {
                guard let colon = line.firstIndex(of: ":") else {
                    throw .malformed(path: path, line: index + 1, problem: "malformed metadata line '\(line)': write it as `key: value`")
                }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                fields[key] = (value, index + 1)
            }
            index += 1
        }
        guard closed else {
            throw .malformed(path: path, line: open + 1, problem: "the metadata comment is not closed: end it with a line `-->`")
        }
        let title = lines[(index + 1)...].first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        guard let title, !title.isEmpty else {
            throw .malformed(path: path, line: index + 2, problem: "no title: put a `# Title` line after the metadata comment")
        }
        return Parsed(fields: fields, text: ExerciseText(path: path, title: title, hints: hints(in: lines), markdown: source))
    }

    /// The items of the list under `## Hints`, each joined into one paragraph.
    static func hints(in lines: [String]) -> [String] {
        guard let heading = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "## Hints" }) else { return [] }
        var hints: [String] = []
        for line in lines[(heading + 1)...] {
            if line.hasPrefix("#") { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let item = listItemText(trimmed), !line.hasPrefix("    ") {
                hints.append(item)
            } else if !trimmed.isEmpty, !hints.isEmpty {
                hints[hints.count - 1] += " " + trimmed
            }
        }
        return hints
    }

    /// `1. text`, `- text` or `* text` → `text`.
    private static func listItemText(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.dropFirst(2)) }
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return rest.dropFirst(2).trimmingCharacters(in: .whitespaces)
    }
}
