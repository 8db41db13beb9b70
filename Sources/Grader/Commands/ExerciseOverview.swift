import Course
import Progress

/// What `llmcourse exercises` prints: every exercise in course order with its status, the
/// next one to do highlighted.
public struct ExerciseOverview {
    public var catalog: ExerciseCatalog
    public var progress: CourseProgress
    public var language: CourseLanguage

    public init(catalog: ExerciseCatalog, progress: CourseProgress, language: CourseLanguage) {
        self.catalog = catalog
        self.progress = progress
        self.language = language
    }

    /// The first exercise not passed yet, in course order.
    public var next: Exercise? { catalog.exercises.first { !progress.isPassed($0.id) } }

    public func render(style: TextStyle) -> String {
        guard !catalog.exercises.isEmpty else { return "No exercises yet." }
        let idWidth = catalog.exercises.map(\.id.count).max() ?? 0
        var lines: [String] = []
        var lesson = ""
        let nextID = next?.id
        for exercise in catalog.exercises {
            if exercise.lesson != lesson {
                lesson = exercise.lesson
                lines.append(style.bold(lesson))
            }
            let record = progress.exercises[exercise.id]
            let mark: String
            if record?.passed == true {
                mark = style.green("✓")
            } else if (record?.attempts ?? 0) > 0 {
                mark = style.yellow("…")
            } else {
                mark = " "
            }
            let score = record.map { $0.maxScore > 0 ? " \(Int($0.bestScore))/\(Int($0.maxScore))" : "" } ?? ""
            let padded = exercise.id + String(repeating: " ", count: idWidth - exercise.id.count)
            var line = "  \(mark) \(padded)  \(exercise.text(language).title)\(score)"
            line = style.fit(line, columns: style.width - (exercise.id == nextID ? 8 : 0))
            if exercise.id == nextID { line = style.bold(line) + style.yellow("  ← next") }
            lines.append(line)
        }
        let passed = catalog.exercises.filter { progress.isPassed($0.id) }.count
        lines.append("")
        lines.append("\(passed) of \(catalog.exercises.count) passed.")
        if let next {
            lines.append("Next: " + style.bold("llmcourse check \(next.id)") + " (or " + style.bold("llmcourse watch") + " to re-check on every save)")
        }
        return lines.joined(separator: "\n")
    }
}
