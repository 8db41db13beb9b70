import Foundation

/// Reads the HTML comments that carry lesson and translation metadata.
///
/// A comment whose first word is `lesson` or `translation` (e.g. `<!-- lesson`) is metadata;
/// the lines after it up to `-->` are `key: value` pairs. Any other comment is prose for
/// authors and is left alone.
enum MetadataCommentParser {
    struct Comment {
        var kind: String
        var fields: [LessonMetadata.Field]
        var range: SourceRange
    }

    /// The kind word of an HTML block that is a comment (`lesson`, `translation`, …), or nil.
    static func kind(ofHTML html: String) -> String? {
        let trimmed = html.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("<!--") else { return nil }
        let rest = trimmed.dropFirst(4).drop { $0 == " " || $0 == "\t" }
        let word = rest.prefix { $0.isLetter || $0 == "-" }
        return word.isEmpty ? nil : String(word)
    }

    /// Parses one metadata comment; problems go to `diagnostics` with file positions.
    static func parse(html: String, range: SourceRange, path: String, diagnostics: inout [CourseDiagnostic]) -> Comment? {
        guard let kind = kind(ofHTML: html) else { return nil }
        var lines = html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingSpaces().isEmpty { lines.removeLast() }
        // An unclosed comment runs to the end of the file; only its first lines can be metadata.
        let closed = lines.contains { $0.contains("-->") }
        if !closed, let blank = lines.firstIndex(where: { $0.trimmingSpaces().isEmpty }) { lines = Array(lines[..<blank]) }
        var fields: [LessonMetadata.Field] = []
        var seen = Set<String>()
        for (offset, rawLine) in lines.enumerated() {
            var line = Substring(rawLine)
            var column = offset == 0 ? range.start.column : 1
            if offset == 0 {
                // Skip `<!--` and the kind word; what remains on the line may be a field.
                let lead = line.prefix { $0 == " " || $0 == "\t" }.utf8.count
                line = line.dropFirst(lead + 4)
                let spaces = line.prefix { $0 == " " || $0 == "\t" }.utf8.count
                line = line.dropFirst(spaces + kind.utf8.count)
                column += lead + 4 + spaces + kind.utf8.count
            }
            if let end = line.range(of: "-->") {
                line = line[..<end.lowerBound]
            }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.utf8.count
            let text = line.trimmingSpaces()
            guard !text.isEmpty else { continue }
            let position = SourcePosition(line: range.start.line + offset, column: column + indent)
            guard let colon = text.firstIndex(of: ":") else {
                diagnostics.append(CourseDiagnostic(path: path, at: position,
                    message: "malformed \(kind) metadata line '\(text)': write it as `key: value`"))
                continue
            }
            let key = text[..<colon].trimmingSpaces()
            let afterColon = text[text.index(after: colon)...]
            let valueLead = afterColon.prefix { $0 == " " || $0 == "\t" }.utf8.count
            let value = afterColon.trimmingSpaces()
            guard !key.isEmpty, !key.contains(" ") else {
                diagnostics.append(CourseDiagnostic(path: path, at: position,
                    message: "malformed \(kind) metadata line '\(text)': a key is one word before `:`, e.g. `id: my-lesson`"))
                continue
            }
            guard seen.insert(key).inserted else {
                diagnostics.append(CourseDiagnostic(path: path, at: position,
                    message: "duplicate \(kind) metadata key '\(key)': keep one line and join the values with commas"))
                continue
            }
            let valueColumn = position.column + text[...colon].utf8.count + valueLead
            fields.append(LessonMetadata.Field(key: key, value: value, position: position,
                                               valuePosition: SourcePosition(line: position.line, column: valueColumn)))
        }
        if !closed {
            diagnostics.append(CourseDiagnostic(path: path, at: range.start,
                message: "\(kind) metadata comment is not closed: end it with a line `-->`"))
        }
        return Comment(kind: kind, fields: fields, range: range)
    }
}
