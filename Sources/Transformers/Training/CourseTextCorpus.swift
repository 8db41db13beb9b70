import Foundation

/// The course's own lessons as a small bilingual corpus of real text, split into training and
/// held-out text the same way every time.
///
/// Every lesson contributes two documents, `Lessons/<id>/lesson.md` (English) and
/// `Lessons/<id>/lesson.zh-TW.md` (Traditional Chinese), reduced to their prose by ``prose(_:)``.
/// The split is by lesson, never inside one: the lessons named in ``heldOutLessons`` go, in
/// both languages, to the held-out text; every other lesson goes to training. A model scored on
/// the held-out text has seen neither the lesson nor its translation, so the score measures
/// how well it predicts new text on familiar subjects, not how well it remembers.
///
/// Documents are ordered by lesson id, English before Chinese, and joined with one blank line
/// (`"\n\n"` between them), so the two strings are a pure function of the lesson files.
///
/// ```swift
/// let split = try CourseTextCorpus.split(courseRoot: root)
/// split.train.count     // ≈ 330,000 characters
/// split.heldOut.count   // ≈ 30,000 characters
/// ```
///
/// The file needs Foundation only: a module below Transformers (Fundamentals, say) that wants to
/// score its own model on the same text can take it over unchanged; a demo can call both.
public enum CourseTextCorpus {
    /// The lessons kept out of training, in both languages: one on neural networks, one on
    /// deploying models, about 8% of the characters.
    public static let heldOutLessons = ["deployment", "neural-networks"]
    /// Lessons left out altogether: the chapters that quote numbers measured on the course's own
    /// text (this corpus's, the character models', the retrieval demos'); updating those numbers
    /// must not change the corpus they came from.
    public static let excludedLessons = ["advanced-rag", "nlp-fundamentals", "pre-training", "rag", "vector-storage"]
    /// The two files of each lesson, English first.
    public static let lessonFiles = ["lesson.md", "lesson.zh-TW.md"]

    /// One lesson file, reduced to prose.
    public struct Document: Sendable, Equatable {
        /// The lesson id (its folder name).
        public let lesson: String
        /// `lesson.md` or `lesson.zh-TW.md`.
        public let file: String
        public let text: String

        public init(lesson: String, file: String, text: String) {
            self.lesson = lesson; self.file = file; self.text = text
        }
    }

    /// Training and held-out text, and which lessons went where.
    public struct Split: Sendable, Equatable {
        public let train: String
        public let heldOut: String
        public let trainLessons: [String]
        public let heldOutLessons: [String]
    }

    // ANCHOR: split
    /// Reads every lesson under `courseRoot/Lessons` and splits them: the lessons named in
    /// `heldOut` (both languages) are the held-out text, all others the training text.
    public static func split(courseRoot: URL, heldOut: [String] = heldOutLessons) throws -> Split {
        split(try documents(courseRoot: courseRoot), heldOut: heldOut)
    }

    /// The split of already-read documents (in their given order).
    public static func split(_ documents: [Document], heldOut: [String] = heldOutLessons) -> Split {
        let held = Set(heldOut)
        let (test, train) = (documents.filter { held.contains($0.lesson) }, documents.filter { !held.contains($0.lesson) })
        func joined(_ docs: [Document]) -> String { docs.map(\.text).joined(separator: "\n") }
        func lessons(_ docs: [Document]) -> [String] { docs.map(\.lesson).reduce(into: []) { if $0.last != $1 { $0.append($1) } } }
        return Split(train: joined(train), heldOut: joined(test), trainLessons: lessons(train), heldOutLessons: lessons(test))
    }
    // ANCHOR_END: split

    /// Every lesson's two files as prose, sorted by lesson id, English before Chinese, without
    /// the ``excludedLessons``. A lesson folder without one of the files contributes what it has.
    public static func documents(courseRoot: URL) throws -> [Document] {
        let lessons = courseRoot.appendingPathComponent("Lessons", isDirectory: true)
        let ids = try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted().filter { !excludedLessons.contains($0) }
        var documents: [Document] = []
        for id in ids {
            for file in lessonFiles {
                let url = lessons.appendingPathComponent(id).appendingPathComponent(file)
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                documents.append(Document(lesson: id, file: file, text: prose(try String(contentsOf: url, encoding: .utf8))))
            }
        }
        return documents
    }

    // ANCHOR: prose
    /// A lesson's Markdown without what is not prose: HTML comments (the metadata and the
    /// translation hash) and fenced blocks (run steps, code includes, code, tables drawn as
    /// text). Headings, lists, tables, links and math stay as written; runs of blank lines
    /// shrink to one; the result ends with exactly one newline.
    public static func prose(_ markdown: String) -> String {
        var kept: [Substring] = []
        var fence: Substring?              // the opening fence while inside a fenced block
        for line in withoutComments(markdown).split(separator: "\n", omittingEmptySubsequences: false) {
            let body = line.drop { $0 == " " }
            let marker = body.prefix { $0 == "`" || $0 == "~" }
            if let open = fence {
                // A closing fence is at least as long as the opening one and says nothing else.
                if marker.count >= open.count, marker.first == open.first, body.dropFirst(marker.count).allSatisfy({ $0 == " " }) {
                    fence = nil
                }
                continue
            }
            if marker.count >= 3, Set(marker).count == 1 { fence = marker; continue }
            if line.allSatisfy({ $0 == " " }) && (kept.last?.isEmpty ?? true) { continue }
            kept.append(line.allSatisfy { $0 == " " } ? "" : line)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n") + "\n"
    }
    // ANCHOR_END: prose

    /// `text` with every `<!-- … -->` removed (an unclosed comment runs to the end).
    static func withoutComments(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return out }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
