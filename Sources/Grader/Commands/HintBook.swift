import Console
import Course
import Progress

/// Progressive hints: each `llmcourse hint <id>` reveals one more, remembered in the progress file.
public enum HintBook {
    public struct Reveal: Equatable {
        /// 1-based number of the hint shown.
        public var number: Int
        public var total: Int
        public var text: String
        /// True when every hint has now been seen.
        public var last: Bool
    }

    /// Reveals the next hint (or repeats the last one once all were seen).
    public static func reveal(_ exercise: Exercise, language: CourseLanguage, store: ProgressStore?) throws -> Reveal? {
        let hints = exercise.text(language).hints
        guard !hints.isEmpty else { return nil }
        var shown = 1
        if let store {
            try store.update { shown = $0.revealHint(exercise: exercise.id, available: hints.count) }
        }
        shown = max(1, min(shown, hints.count))
        return Reveal(number: shown, total: hints.count, text: hints[shown - 1], last: shown == hints.count)
    }

    /// The hint with its heading and what to type next, in `language` (the hint's own text
    /// comes from the exercise in that language already). `format` turns the hint's Markdown
    /// into display text (the terminal renderer: code spans, math, wrapping); by default it is
    /// shown as written.
    public static func render(_ reveal: Reveal?, exercise: Exercise, style: Palette, language: CourseLanguage = .english,
                              format: (String) -> String = { $0 }) -> String {
        func say(_ key: ExerciseMessages.Key, _ args: String...) -> String {
            MessageTemplate.fill(ExerciseMessages.template(key, language), args)
        }
        guard let reveal else { return say(.noHints, exercise.id) }
        var text = style.bold(say(.hintHeading, "\(reveal.number)", "\(reveal.total)")) + say(.hintFor, exercise.id) + "\n"
            + format(reveal.text).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        if reveal.last {
            text += "\n" + style.dim(say(.lastHint, "llmcourse solution \(exercise.id) --force"))
        } else {
            text += "\n" + style.dim(say(.anotherHint, "llmcourse hint \(exercise.id)"))
        }
        return text
    }
}
