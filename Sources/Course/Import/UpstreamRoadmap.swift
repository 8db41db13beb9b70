/// A roadmap read from a README in the style of the upstream "LLM course": parts with emoji
/// (`## 🧩 LLM Fundamentals`), numbered chapters (`### 1. Mathematics for ML`), bold topic
/// bullets (`- **Linear algebra**: …`) and reference lists. ``UpstreamRoadmapParser`` builds
/// it; ``CourseSkeletonWriter`` turns it into our course format.
public struct UpstreamRoadmap: Hashable, Sendable {
    public var title: String
    /// The language most of the text is in (Traditional Chinese when CJK dominates).
    public var language: CourseLanguage
    public var parts: [Part]
    /// Rows of notebook tables (name and first link), wherever they appear.
    public var notebooks: [Reference]

    public struct Part: Hashable, Sendable {
        /// The heading without its emoji.
        public var title: String
        /// Paragraphs between the heading and the first chapter, as Markdown.
        public var introduction: [String]
        public var chapters: [Chapter]
    }

    public struct Chapter: Hashable, Sendable {
        /// The number written before the title, if any (`### 3. …` → 3).
        public var number: Int?
        public var title: String
        /// The lesson id the skeleton uses (folder name).
        public var id: String
        /// Paragraphs before the topics, as Markdown.
        public var introduction: [String]
        public var topics: [Topic]
        /// References listed for the whole chapter.
        public var references: [Reference]
    }

    public struct Topic: Hashable, Sendable {
        public var name: String
        /// The text after the bold name, as Markdown (may be empty).
        public var text: String
        /// References nested under the topic (and a link in the bold name itself).
        public var references: [Reference]
    }

    public struct Reference: Hashable, Sendable {
        public var title: String
        public var url: String
        /// Text after the link, as Markdown (may be empty).
        public var note: String
    }

    public var chapterCount: Int { parts.reduce(0) { $0 + $1.chapters.count } }
    public var topicCount: Int { parts.reduce(0) { $0 + $1.chapters.reduce(0) { $0 + $1.topics.count } } }
    public var referenceCount: Int {
        parts.reduce(0) { $0 + $1.chapters.reduce(0) { $0 + $1.references.count + $1.topics.reduce(0) { $0 + $1.references.count } } }
    }

    /// "3 parts, 19 chapters, 62 topics, 95 references, 15 notebooks".
    public var summary: String {
        "\(count(parts.count, "part")), \(count(chapterCount, "chapter")), \(count(topicCount, "topic")), "
            + "\(count(referenceCount, "reference")), \(count(notebooks.count, "notebook"))"
    }
}

/// Input `llmcourse import` cannot turn into a course.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no recognisable part/chapter structure.
    case notARoadmap(path: String, reason: String)
    /// The output folder already holds a course.
    case outputExists(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notARoadmap(let path, let reason):
            return "\(path): not a course roadmap: \(reason). Expected `## Part` headings, each followed by `### 1. Chapter` headings with bullet lists like `- **Topic**: text`."
        case .outputExists(let path):
            return "\(path) already holds Lessons/; choose another --out folder or remove it first"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write (\(reason)); check that the folder is writable"
        }
    }
}
