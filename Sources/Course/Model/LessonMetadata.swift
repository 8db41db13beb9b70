/// The metadata comment at the top of a lesson, hidden on any Markdown viewer:
///
/// ```markdown
/// <!-- lesson
/// id: neural-networks
/// demos: micrograd, mlp-train
/// exercises: value-backward, mlp-forward
/// -->
/// ```
///
/// Values of list keys are separated by commas. Every `key: value` line is kept in ``fields``
/// with its position, so validators can check keys this type does not name.
public struct LessonMetadata: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var key: String
        public var value: String
        /// Where the key starts.
        public var position: SourcePosition
        /// Where the value starts.
        public var valuePosition: SourcePosition
    }

    /// Keys the course format defines; lint reports any other key as a probable typo.
    public static let knownKeys: Set<String> = ["id", "demos", "exercises", "prerequisites", "minutes"]

    public var fields: [Field]
    /// The whole comment block.
    public var range: SourceRange

    public init(fields: [Field], range: SourceRange) {
        self.fields = fields
        self.range = range
    }

    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    /// The lesson id; must equal the lesson's folder name.
    public var id: String? { field("id")?.value }
    /// Demo ids this lesson runs (`llmcourse run <id>`).
    public var demos: [String] { list("demos") }
    /// Exercise ids of this lesson (folders under `Exercises/`).
    public var exercises: [String] { list("exercises") }
    /// Lesson ids worth reading first.
    public var prerequisites: [String] { list("prerequisites") }

    /// The comma-separated values of `key`, trimmed, empty entries dropped.
    public func list(_ key: String) -> [String] {
        guard let value = field(key)?.value else { return [] }
        return value.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// Each value of list `key` with the position where it starts, for precise diagnostics.
    public func listWithPositions(_ key: String) -> [(value: String, position: SourcePosition)] {
        guard let f = field(key) else { return [] }
        var out: [(String, SourcePosition)] = []
        var column = f.valuePosition.column
        for piece in f.value.split(separator: ",", omittingEmptySubsequences: false) {
            let leading = piece.prefix { $0 == " " || $0 == "\t" }.utf8.count
            let trimmed = piece.trimmingSpaces()
            if !trimmed.isEmpty {
                out.append((trimmed, SourcePosition(line: f.valuePosition.line, column: column + leading)))
            }
            column += piece.utf8.count + 1
        }
        return out
    }
}

/// The comment a translation carries, recording which `lesson.md` it was made from:
///
/// ```markdown
/// <!-- translation
/// source-hash: 3f2a9c01b7de
/// -->
/// ```
///
/// `source-hash` is the first 12 hex digits of the SHA-256 of the English file's bytes; when
/// the English file changes, lint reports the translation as stale until a translator updates
/// it and runs `llmcourse lint --mark-translated <lesson-id>`.
public struct TranslationMetadata: Hashable, Sendable {
    public var sourceHash: String?
    /// Where the hash value starts (or the comment, when the key is missing).
    public var sourceHashPosition: SourcePosition
    public var range: SourceRange

    public init(sourceHash: String?, sourceHashPosition: SourcePosition, range: SourceRange) {
        self.sourceHash = sourceHash
        self.sourceHashPosition = sourceHashPosition
        self.range = range
    }
}
