import Course
import Foundation

/// What the site is generated from: the roadmap's tree, and each lesson and exercise with its
/// Markdown source in both editions. Read once from the course folder by ``SiteCourseLoader``.
public struct SiteCourse: Sendable {
    public struct Chapter: Sendable {
        public var lessonID: String
        /// Roadmap link text per edition.
        public var titles: [SiteLanguage: String]
        public var children: [Chapter]
    }

    public struct Part: Sendable {
        public var titles: [SiteLanguage: String]
        public var chapters: [Chapter]
    }

    /// One Markdown file of a page, in one edition.
    public struct Source: Sendable {
        /// Path relative to the course root, e.g. `Lessons/rag/lesson.zh-TW.md`.
        public var path: String
        public var text: String
        public var metadata: [String: String]
    }

    /// A lesson or an exercise: its sources per edition (English always there).
    public struct Page: Sendable {
        public var id: String
        public var sources: [SiteLanguage: Source]

        /// The edition to show in `lang`, falling back to English; `translated` says which.
        func source(_ lang: SiteLanguage) -> (source: Source, translated: Bool) {
            if let s = sources[lang] { return (s, true) }
            return (sources[.english]!, lang == .english)
        }

        /// Whether the edition in `lang` records a `source-hash` that no longer matches the
        /// English file (first 12 hex digits of its SHA-256): the translation lags behind.
        func isStale(_ lang: SiteLanguage) -> Bool {
            guard lang != .english, let recorded = sources[lang]?.metadata["source-hash"], !recorded.isEmpty,
                  let english = sources[.english] else { return false }
            let digest = SHA256.digest(Array(english.text.utf8)).map { String(format: "%02x", $0) }.joined()
            return !digest.hasPrefix(recorded.lowercased())
        }

        func list(_ key: String) -> [String] {
            (sources[.english]?.metadata[key] ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    public var root: URL
    public var courseTitles: [SiteLanguage: String]
    public var roadmaps: [SiteLanguage: Source]
    public var parts: [Part]
    /// Lessons that have a `lesson.md`, by id.
    public var lessons: [String: Page]
    /// Exercises that have an `exercise.md`, by id.
    public var exercises: [String: Page]

    /// Lesson ids in reading order (chapters, each followed by its sub-lessons), existing only.
    public var lessonOrder: [String] {
        func walk(_ c: Chapter) -> [String] { [c.lessonID] + c.children.flatMap(walk) }
        var seen = Set<String>()
        return parts.flatMap { $0.chapters.flatMap(walk) }.filter { lessons[$0] != nil && seen.insert($0).inserted }
    }

    /// Exercise ids in reading order: by lesson (as each lesson lists them), then the rest by id.
    public var exerciseOrder: [String] {
        var seen = Set<String>()
        var order: [String] = []
        for id in lessonOrder {
            for ex in lessons[id]!.list("exercises") where exercises[ex] != nil && seen.insert(ex).inserted {
                order.append(ex)
            }
        }
        return order + exercises.keys.sorted().filter { !seen.contains($0) }
    }

    /// The lesson an exercise belongs to: its own `lesson:` metadata, else the lesson listing it.
    func lessonOf(exercise id: String) -> String? {
        if let l = exercises[id]?.sources[.english]?.metadata["lesson"], lessons[l] != nil { return l }
        return lessonOrder.first { lessons[$0]!.list("exercises").contains(id) }
    }
}

/// Reads the metadata comment at the top of a lesson or exercise:
/// `<!-- lesson` … `key: value` lines … `-->` (also `exercise`, `translation`).
enum MetadataComment {
    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        // Several comments may follow one another (a translation has its own).
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            guard rest.hasPrefix("<!--"), let end = rest.range(of: "-->") else { break }
            let body = rest[rest.index(rest.startIndex, offsetBy: 4)..<end.lowerBound]
            var lines = body.split(whereSeparator: \.isNewline).map(String.init)
            if let first = lines.first {
                // The kind word (`lesson`, `exercise`, …) may share its line with a first key.
                let words = first.split(separator: " ", maxSplits: 1)
                if words.count == 2, !words[0].hasSuffix(":") { lines[0] = String(words[1]) }
                else if words.count == 1, !words[0].contains(":") { lines.removeFirst() }
            }
            for line in lines {
                for (key, value) in pairs(line) where result[key] == nil { result[key] = value }
            }
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// `id: a lesson: b` on one line gives two pairs; `exercises: a, b` gives one.
    private static func pairs(_ line: String) -> [(String, String)] {
        let tokens = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [(String, String)] = []
        for token in tokens {
            if token.hasSuffix(":"), token.count > 1, token.dropLast().allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) {
                out.append((String(token.dropLast()), ""))
            } else if !out.isEmpty {
                out[out.count - 1].1 += (out[out.count - 1].1.isEmpty ? "" : " ") + token
            }
        }
        return out
    }
}
