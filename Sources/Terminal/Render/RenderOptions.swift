import Course
import Console
/// How the Markdown renderer should draw: the room it has and what the terminal can show.
///
/// Usage:
/// ```swift
/// let options = RenderOptions(width: 80, color: false)              // plain text, e.g. for a pipe
/// let tty = RenderOptions(environment: TerminalEnvironment.current())  // what stdout supports
/// ```
public struct RenderOptions: Sendable {
    /// Columns available for text (the renderer never writes a line wider than this).
    public var width: Int
    /// SGR colors and attributes. Off for `NO_COLOR` and for output that is not a terminal.
    public var color: Bool
    /// OSC 8 hyperlinks. When off, a link's URL is printed after its text instead.
    public var hyperlinks: Bool
    /// Language of the renderer's own labels ("Run", "include not found" …).
    public var language: CourseLanguage
    /// Whether a `run` step should mention the key that runs it (only when reading interactively).
    public var interactive: Bool
    /// Returns the live text of an include such as `Sources/NeuralNets/Linear.swift#forward`,
    /// or nil when the file or anchor is missing (the block's own body is shown instead).
    public var includeSource: (@Sendable (String) -> String?)?
    /// Where the Markdown being drawn lives, relative to the course root (`Lessons/rag/lesson.md`).
    /// Relative links to other files are shown from the course root, so the reader can open
    /// them: `../../docs/models.md` → `docs/models.md`. Nil leaves them as written.
    public var documentPath: String?
    /// Language the Markdown itself is written in, when it differs from the labels' (an English
    /// lesson shown because its translation is missing). Nil means the same as ``language``.
    public var documentLanguage: CourseLanguage?
    /// How deeply nested the current list is (picks the bullet glyph).
    var listDepth = 0

    public init(width: Int = 80, color: Bool = false, hyperlinks: Bool = false,
                language: CourseLanguage = .english, interactive: Bool = false,
                includeSource: (@Sendable (String) -> String?)? = nil) {
        self.width = max(width, 8)
        self.color = color
        self.hyperlinks = hyperlinks
        self.language = language
        self.interactive = interactive
        self.includeSource = includeSource
    }

    /// Options that match what an output stream can show.
    public init(environment env: TerminalEnvironment, language: CourseLanguage = .english,
                includeSource: (@Sendable (String) -> String?)? = nil) {
        self.init(width: env.width, color: env.color, hyperlinks: env.hyperlinks,
                  language: language, interactive: env.isInteractive, includeSource: includeSource)
    }

    /// The same options with less room, for content nested inside a quote or a list item.
    func narrowed(by columns: Int) -> RenderOptions {
        var o = self
        o.width = max(width - columns, 4)
        return o
    }
}
