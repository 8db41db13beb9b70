import Foundation

/// What a tool needs of the course when it does not show lessons: the lessons' reading order,
/// each English lesson's metadata comment, and the exercises (parsed in full; they are short).
///
/// The grader reads this instead of the whole ``Course``: a `check` needs the course order of
/// exercises, not every lesson parsed in both languages (which cost a quarter of a second of
/// every edit → verdict in a debug build).
///
/// ```swift
/// let outline = try CourseLoader.loadOutline(root: root)
/// outline.lessonIDs                       // ["math-for-ml", "neural-networks", …]
/// outline.lessonMetadata["rag"]?.exercises  // ["bm25-term-score", "chunk-with-overlap"]
/// ```
public struct CourseOutline: Sendable {
    public var root: URL
    public var lessonIDs: [String]
    public var lessonMetadata: [String: LessonMetadata]
    public var exercises: [String: CourseExercise]
}

extension CourseLoader {
    /// The outline, read with the same rules as ``load(root:)``: the same roadmaps and lesson
    /// order, the same metadata grammar (only the lesson's leading comment is read).
    public static func loadOutline(root: URL) throws(CourseError) -> CourseOutline {
        let (roadmaps, _) = try loadRoadmaps(root: root)
        let ids = lessonIDs(roadmaps, lessonsDir: root.appendingPathComponent("Lessons"))
        var metadata: [String: LessonMetadata] = [:]
        for id in ids {
            let path = "Lessons/\(id)/\(CourseLanguage.english.lessonFileName)"
            guard let data = try readData(root, path) else { continue }
            metadata[id] = leadingMetadata(String(decoding: data, as: UTF8.self), path: path)
        }
        return CourseOutline(root: root, lessonIDs: ids, lessonMetadata: metadata, exercises: try loadExercises(root: root))
    }

    /// The `<!-- lesson … -->` comment a lesson file starts with (blank lines before it allowed),
    /// read by ``MetadataCommentParser``; nil when the file does not start with one.
    static func leadingMetadata(_ text: String, path: String) -> LessonMetadata? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { !$0.trimmingSpaces().isEmpty }),
              MetadataCommentParser.kind(ofHTML: String(lines[first])) == "lesson",
              let last = lines[first...].firstIndex(where: { $0.contains("-->") }) else { return nil }
        let html = lines[first...last].joined(separator: "\n")
        let range = SourceRange(start: SourcePosition(line: first + 1, column: 1), end: SourcePosition(line: last + 1, column: 1))
        var ignored: [CourseDiagnostic] = []
        guard let comment = MetadataCommentParser.parse(html: html, range: range, path: path, diagnostics: &ignored) else { return nil }
        return LessonMetadata(fields: comment.fields, range: range)
    }
}
