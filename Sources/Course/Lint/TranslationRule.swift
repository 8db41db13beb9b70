/// Every English lesson has each translation; each translation records the hash of the English
/// file it was made from, that hash is current, and (when current) the translation keeps the
/// English sections and run steps.
struct TranslationRule: LintRule {
    let name = "translations"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        let course = context.course
        for id in course.lessons.keys.sorted() {
            let editions = course.lessons[id] ?? [:]
            guard let english = editions[.english] else {
                for lesson in editions.values.sorted(by: { $0.path < $1.path }) {
                    problems.append(LintProblem(path: lesson.path, line: 1, column: 1,
                        message: "translation without an English source: create Lessons/\(id)/lesson.md"))
                }
                continue
            }
            for language in CourseLanguage.allCases where language != .english {
                guard let translated = editions[language] else {
                    problems.append(LintProblem(path: english.path, line: 1, column: 1,
                        message: "missing translation Lessons/\(id)/\(language.lessonFileName): translate this lesson, then run `llmcourse lint --mark-translated \(id)`"))
                    continue
                }
                problems += check(translated, against: english, status: course.translationStatus(id, language))
            }
        }
        return problems
    }

    private func check(_ translated: Lesson, against english: Lesson, status: TranslationStatus) -> [LintProblem] {
        let id = translated.id
        switch status {
        case .unmarked:
            let at = translated.translation?.range.start ?? SourcePosition(line: 1, column: 1)
            return [LintProblem(path: translated.path, at: at,
                message: "translation has no `source-hash`: once it matches lesson.md, run `llmcourse lint --mark-translated \(id)`")]
        case .stale(let recorded, let current):
            return [LintProblem(path: translated.path, at: translated.translation?.sourceHashPosition ?? SourcePosition(line: 1, column: 1),
                message: "stale translation: \(english.path) changed since it was translated (source-hash \(recorded), now \(current)); update the translation, then run `llmcourse lint --mark-translated \(id)`")]
        case .source, .upToDate, .missing:
            break
        }
        var problems: [LintProblem] = []
        let at = translated.titleRange.start.line > 0 ? translated.titleRange.start : SourcePosition(line: 1, column: 1)
        if translated.sections.count != english.sections.count {
            problems.append(LintProblem(path: translated.path, at: at,
                message: "\(count(translated.sections.count, "`##` section")) here but \(english.sections.count) in \(english.path): a translation keeps the same sections in the same order"))
        }
        let mine = translated.runSteps.map(\.demoID), theirs = english.runSteps.map(\.demoID)
        if mine != theirs {
            problems.append(LintProblem(path: translated.path, at: at,
                message: "run steps [\(mine.joined(separator: ", "))] differ from [\(theirs.joined(separator: ", "))] in \(english.path): a translation runs the same demos in the same order"))
        }
        return problems
    }
}
