/// A roadmap read from a README in the style of the upstream "LLM course": parts with emoji
/// (`## 🧩 Part 1: LLM Fundamentals`), numbered chapters (`### 1. Mathematics for ML`), bold
/// topic bullets (`- **Linear algebra**: …`), reference lists and notebook tables.
/// ``UpstreamRoadmapParser`` builds it; ``CourseSkeletonWriter`` turns it into our format.
///
/// Text is kept as written: ``Chapter/body`` holds the chapter's blocks copied from the README
/// (topics become `##` sections); the topic and reference lists only count what was read.
public struct UpstreamRoadmap: Hashable, Sendable {
    public var title: String
    /// The language most of the text is in (Traditional Chinese when CJK dominates).
    public var language: CourseLanguage
    /// What the README says before its first part, as Markdown copied from it.
    public var introduction: [String] = []
    public var parts: [Part]
    /// Rows of notebook tables, grouped as the README groups them.
    public var notebooks: [Notebook]
    /// Paragraphs of the notebooks section (its introduction), as Markdown.
    public var notebooksIntroduction: [String] = []
    /// Images beside the README that the roadmap's introductions link to (relative paths).
    public var assets: [String] = []
    /// What was not carried into the course, and why.
    public var skipped: [Skipped] = []

    public struct Part: Hashable, Sendable {
        /// The heading without its emoji (kept when it is nothing but emoji).
        public var title: String
        /// Blocks between the heading and the first chapter, as Markdown.
        public var introduction: [String]
        public var chapters: [Chapter]
    }

    public struct Chapter: Hashable, Sendable {
        /// The number written before the title, if any (`### 3. …` → 3).
        public var number: Int?
        public var title: String
        /// The lesson id the skeleton uses (folder name).
        public var id: String
        /// The lesson's content in order: `##` section titles and Markdown copied as written.
        public var body: [Piece] = []
        public var topics: [Topic] = []
        /// References listed for the whole chapter (after a 📚 header).
        public var references: [Reference] = []
        /// Images beside the README the lesson links to (relative paths, copied next to it).
        public var assets: [String] = []
        /// The README line of the chapter's heading (for the import report).
        public var line: Int = 0
    }

    /// One piece of a lesson: a `##` section heading, or Markdown copied from the README.
    public enum Piece: Hashable, Sendable {
        case section(String)
        case markdown(String)
    }

    public struct Topic: Hashable, Sendable {
        public var name: String
        /// The text after the bold name, as written (may be empty).
        public var text: String
        /// References nested under the topic (and a link on the name itself).
        public var references: [Reference]
    }

    public struct Reference: Hashable, Sendable {
        public var title: String
        public var url: String
        /// Text after the link with its separator removed (for display; lessons keep the original).
        public var note: String
    }

    /// A notebook table row: its name, the group it is listed under, and every link in the
    /// row — the article and the Colab badge (an HTML `<a href>` around an image) included.
    public struct Notebook: Hashable, Sendable {
        public var group: String
        public var title: String
        /// The row's cells as Markdown, badges turned into links (`[Open In Colab](…)`).
        public var cells: [String]
        public var links: [Reference]
        public var url: String { links.first?.url ?? "" }
    }

    /// Something in the README the course does not carry: `line` in the README, what it was,
    /// and why it was left out or changed.
    public struct Skipped: Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var what: String
        public var why: String
        public var description: String { "\(file):\(line): \(what): \(why)" }
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
