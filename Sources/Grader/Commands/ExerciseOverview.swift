import Console
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

    private func say(_ key: ExerciseMessages.Key, _ args: String...) -> String {
        MessageTemplate.fill(ExerciseMessages.template(key, language), args)
    }

    public func render(style: Palette) -> String {
        guard !catalog.exercises.isEmpty else { return say(.noExercises) }
        let idWidth = catalog.exercises.map { Palette.columns(of: $0.id) }.max() ?? 0
        let marker = "  " + say(.nextMarker)
        let markerWidth = Palette.columns(of: marker)
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
            // Titles may be Chinese: the fit counts columns, so the marker still fits the line.
            var line = "  \(mark) \(Palette.pad(exercise.id, to: idWidth))  \(exercise.text(language).title)\(score)"
            line = style.fit(line, columns: style.width - (exercise.id == nextID ? markerWidth : 0))
            if exercise.id == nextID { line = style.bold(line) + style.yellow(marker) }
            lines.append(line)
        }
        let passed = catalog.exercises.filter { progress.isPassed($0.id) }.count
        lines.append("")
        lines.append(say(.passedCount, "\(passed)", "\(catalog.exercises.count)"))
        if let next {
            lines.append(say(.nextCommand, style.bold("llmcourse check \(next.id)"), style.bold("llmcourse watch")))
        }
        return lines.joined(separator: "\n")
    }
}
