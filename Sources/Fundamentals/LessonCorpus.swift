import Foundation

/// The course's own English lessons as a text corpus, split into training and held-out text
/// **by lesson**: every `Lessons/<id>/lesson.md` is one document, and the lessons named in
/// ``heldOutLessons`` are held out whole, so held-out perplexity measures how well a model
/// trained on some chapters predicts chapters it never saw (new topics, new words).
///
/// A document is the lesson file's text with its leading `<!-- lesson … -->` metadata comment
/// removed; everything else (prose, math, code blocks, links) is kept as written. Documents are
/// ordered by lesson id; ``excludedLessons`` are left out. Models compared on this corpus should score the held-out documents
/// as separate documents (see ``NGramLanguageModel``'s conventions).
///
/// ```swift
/// let corpus = try LessonCorpus(root: courseRoot)
/// var model = NGramLanguageModel<Character>(order: 5, smoothing: .interpolatedKneserNey(discount: 0.75))
/// corpus.train.forEach { model.train(text: $0.text) }
/// let ppl = model.perplexity(documents: corpus.heldOut.map { Array($0.text) })
/// ```
public struct LessonCorpus: Sendable {
    /// The lessons held out: about a tenth of the text, on three unrelated topics.
    public static let heldOutLessons: Set<String> = ["attention", "quantization", "running-llms"]
    /// Left out altogether: every chapter that quotes numbers measured on the course's own text
    /// (this corpus's, the text GPT's, the retrieval demos'), so that writing them down changes none of them.
    public static let excludedLessons: Set<String> = quotingLessons
    /// The chapters whose numbers come from demos over the lessons themselves.
    public static let quotingLessons: Set<String> = ["nlp-fundamentals", "pre-training", "vector-storage", "rag", "advanced-rag"]

    public struct Document: Sendable {
        public let lesson: String
        public let text: String
        public init(lesson: String, text: String) { (self.lesson, self.text) = (lesson, text) }
    }

    public let train: [Document]
    public let heldOut: [Document]

    /// Reads `<root>/Lessons/*/lesson.md`.
    public init(root: URL) throws {
        let lessons = root.appendingPathComponent("Lessons")
        let ids = try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted()
        var documents: [Document] = []
        for id in ids where !Self.excludedLessons.contains(id) {
            let file = lessons.appendingPathComponent(id).appendingPathComponent("lesson.md")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            documents.append(Document(lesson: id, text: Self.droppingMetadata(text)))
        }
        self.init(documents: documents)
    }

    /// Splits the given documents by ``heldOutLessons``.
    public init(documents: [Document]) {
        train = documents.filter { !Self.heldOutLessons.contains($0.lesson) }
        heldOut = documents.filter { Self.heldOutLessons.contains($0.lesson) }
    }

    /// The text after a leading `<!-- lesson … -->` comment and the blank lines after it.
    public static func droppingMetadata(_ text: String) -> String {
        guard text.hasPrefix("<!-- lesson"), let end = text.range(of: "-->") else { return text }
        return String(text[end.upperBound...].drop { $0.isNewline })
    }

    /// Lower-cased words (runs of letters, digits and apostrophes) of a text, in order.
    public static func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "'" { current.append(ch) } else if !current.isEmpty {
                words.append(current.trimmingCharacters(in: CharacterSet(charactersIn: "'")))
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { !$0.isEmpty }
    }
}
