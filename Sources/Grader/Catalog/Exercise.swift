import Course
import Foundation

/// One exercise folder, `Exercises/<id>/`, as read from its `exercise.md`.
///
/// ```markdown
/// <!-- exercise
/// id: matmul-loops
/// lesson: math-for-ml
/// files: Matmul.swift
/// reference: Sources/Tensors/Matmul.swift#reference
/// timeout: 10
/// -->
/// # Title
/// … task …
/// ## Hints
/// 1. first hint
/// ```
public struct Exercise: Hashable, Sendable {
    public var id: String
    /// The exercise folder.
    public var folder: URL
    /// The lesson this exercise belongs to.
    public var lesson: String
    /// Starter file names (in ``folder``); the learner edits copies of them.
    public var starterFiles: [String]
    /// `Sources/…swift#anchor`: the library's implementation, shown by `llmcourse solution`.
    public var reference: String
    /// Wall-clock limit for running the checks, in seconds.
    public var timeoutSeconds: Double
    /// Address-space limit for the checks program, in MiB.
    public var memoryMegabytes: Int
    /// Title and hints per language (English always present).
    public var texts: [CourseLanguage: ExerciseText]

    public static let defaultTimeout = 10.0
    public static let maximumTimeout = 120.0
    public static let defaultMemoryMegabytes = 2048

    public var checksFile: URL { folder.appendingPathComponent("Checks.swift") }
    /// What crosses the process boundary: the learner half serves the learner's functions, the
    /// checks half gives the checks proxies with the same signatures.
    public var bridgeFile: URL { folder.appendingPathComponent("Bridge.swift") }
    public var solutionFile: URL { folder.appendingPathComponent("Solution.swift") }

    /// The text in `language`, falling back to English.
    public func text(_ language: CourseLanguage) -> ExerciseText {
        texts[language] ?? texts[.english]!
    }

    /// The reference split into its file (relative to the course root) and anchor.
    public var referenceParts: (path: String, anchor: String?) {
        let pieces = reference.split(separator: "#", maxSplits: 1).map(String.init)
        return (pieces.first ?? reference, pieces.count > 1 ? pieces[1] : nil)
    }
}

/// The parts of `exercise.md` (or a translation) the grader uses.
public struct ExerciseText: Hashable, Sendable {
    public var path: String
    public var title: String
    /// The progressive hints, in order (the items of the `## Hints` list).
    public var hints: [String]
    /// The whole Markdown file, for renderers.
    public var markdown: String
    /// The task without metadata, title and hints (see ``ExerciseEdition/task``).
    public var task: MarkdownDocument = MarkdownDocument(blocks: [], source: "")
}
