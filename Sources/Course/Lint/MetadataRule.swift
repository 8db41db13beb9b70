/// The `<!-- lesson … -->` comment: present in every English lesson, its id equal to the
/// folder name, known keys only, and demos, exercises and prerequisites that exist.
struct MetadataRule: LintRule {
    let name = "metadata"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        for lesson in context.allLessons {
            guard let metadata = lesson.metadata else {
                if lesson.language == .english {
                    problems.append(LintProblem(path: lesson.path, line: 1, column: 1,
                        message: "missing metadata comment: start the file with the lines `<!-- lesson`, `id: \(lesson.id)`, `-->`"))
                }
                continue
            }
            problems += check(metadata, of: lesson, context)
        }
        return problems
    }

    private func check(_ metadata: LessonMetadata, of lesson: Lesson, _ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        func report(_ position: SourcePosition, _ message: String) {
            problems.append(LintProblem(path: lesson.path, at: position, message: message))
        }
        if let field = metadata.field("id") {
            if field.value != lesson.id {
                report(field.valuePosition, "metadata id '\(field.value)' does not match the folder '\(lesson.id)': the id is the folder name, so write `id: \(lesson.id)` or rename the folder")
            }
        } else {
            report(metadata.range.start, "metadata has no `id:` line: add `id: \(lesson.id)`")
        }
        for field in metadata.fields where !LessonMetadata.knownKeys.contains(field.key) {
            let known = LessonMetadata.knownKeys.sorted().joined(separator: ", ")
            report(field.position, "unknown metadata key '\(field.key)': the keys are \(known)")
        }
        if let demos = context.knownDemoIDs {
            for (id, position) in metadata.listWithPositions("demos") where !demos.contains(id) {
                report(position, "unknown demo '\(id)' in `demos:`: no demo has this id (see `llmcourse run --list`)")
            }
        }
        for (id, position) in metadata.listWithPositions("exercises") {
            if !Slug.isValidIdentifier(id) {
                report(position, "malformed exercise id '\(id)': use lower-case letters, digits and hyphens")
            } else if !context.exists("Exercises/\(id)/exercise.md") {
                report(position, "unknown exercise '\(id)' in `exercises:`: Exercises/\(id)/exercise.md does not exist")
            }
        }
        for (id, position) in metadata.listWithPositions("prerequisites") where context.course.lessons[id] == nil {
            report(position, "unknown lesson '\(id)' in `prerequisites:`: name lesson folders under Lessons/")
        }
        if let minutes = metadata.field("minutes"), Int(minutes.value) == nil {
            report(minutes.valuePosition, "`minutes:` must be a whole number, e.g. `minutes: 40`")
        }
        return problems
    }
}
