import Foundation

/// Records that a translation is up to date with its English lesson, by writing the current
/// hash of `lesson.md` into the translation's `<!-- translation source-hash: … -->` comment.
///
/// This is what `llmcourse lint --mark-translated <lesson-id>` runs after a translator has
/// brought the translation in line with the English text. The file is rewritten atomically
/// (temporary file, then rename); only the hash line changes, or the comment is added at the
/// top when it is missing.
public enum TranslationMarker {
    /// Returns the 12-digit hash written.
    @discardableResult
    public static func markTranslated(_ id: String, language: CourseLanguage = .traditionalChinese,
                                      root: URL) throws(CourseError) -> String {
        guard language != .english else { throw .unknownLanguage("en (English is the source, not a translation)") }
        let englishPath = "Lessons/\(id)/lesson.md"
        let translatedPath = "Lessons/\(id)/\(language.lessonFileName)"
        guard let source = FileManager.default.contents(atPath: root.appendingPathComponent(englishPath).path) else {
            throw .unknownLesson(id, known: CourseLoader.lessonFolders(in: root.appendingPathComponent("Lessons")))
        }
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(translatedPath).path) else {
            throw .unreadableFile(path: translatedPath, reason: "the translation does not exist yet; write it first")
        }
        let hash = SHA256.sourceHash(source)
        let text = String(decoding: data, as: UTF8.self)
        let updated = rewrite(text, hash: hash, id: id, language: language, path: translatedPath)
        do {
            try Data(updated.utf8).write(to: root.appendingPathComponent(translatedPath), options: .atomic)
        } catch {
            throw .unreadableFile(path: translatedPath, reason: "cannot write: \(error.localizedDescription)")
        }
        return hash
    }

    /// The translation text with `source-hash: <hash>` recorded.
    static func rewrite(_ text: String, hash: String, id: String, language: CourseLanguage, path: String) -> String {
        let lesson = LessonParser.parse(text, id: id, language: language, path: path)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let translation = lesson.translation {
            if translation.sourceHash != nil {
                let index = translation.sourceHashPosition.line - 1
                let line = lines[index]
                if let key = line.range(of: "source-hash:") {
                    let rest = line[key.upperBound...]
                    let close = rest.range(of: "-->").map { " " + rest[$0.lowerBound...] } ?? ""
                    lines[index] = line[..<key.lowerBound] + "source-hash: " + hash + close
                    return lines.joined(separator: "\n")
                }
            }
            let first = translation.range.start.line - 1
            if lines[first].contains("-->") {
                lines[first] = "<!-- translation\nsource-hash: \(hash)\n-->"
            } else {
                lines.insert("source-hash: \(hash)", at: first + 1)
            }
            return lines.joined(separator: "\n")
        }
        return "<!-- translation\nsource-hash: \(hash)\n-->\n" + (text.hasPrefix("\n") ? "" : "\n") + text
    }
}
