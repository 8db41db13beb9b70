import Console
import Course
import Progress

/// What `llmcourse` on its own prints: the course's progress, the lesson in progress, what
/// comes next, the next exercise, and the command to type now.
///
/// ```text
/// The LLM Course in Swift
/// Course progress: 5 of 80 sections read (6%)
/// ███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░
///
/// In progress: Neural networks (3/6 sections)
/// Exercise: tanh-backward
/// Next: NLP fundamentals
///
/// → Continue with: llmcourse read neural-networks --section 4
///   See the whole roadmap: llmcourse list
/// ```
public struct StatusView {
    let course: Course
    let reading: ReadingProgress
    let language: CourseLanguage
    let options: RenderOptions

    public init(course: Course, progress: CourseProgress, language: CourseLanguage, options: RenderOptions) {
        self.course = course
        self.reading = ReadingProgress(course: course, progress: progress)
        self.language = language
        self.options = options
    }

    var messages: MessageLanguage { MessageLanguage(code: language.tag) ?? .english }

    public func render() -> String {
        let roadmap = course.roadmap(in: language)
        var lines: [WrappedLine] = []
        func add(_ runs: [StyledRun]) { lines += LineWrapper.wrapKeepingSpaces(runs, width: options.width) }
        func blank() { lines.append(.empty) }

        add([StyledRun(roadmap.title, Theme.heading1)])
        let total = reading.totalSections, done = reading.totalRead
        let percent = total == 0 ? 0 : done * 100 / total
        add([StyledRun(Messages.text(.courseProgress, messages, String(done), String(total), String(percent)))])
        let barWidth = min(options.width, 40)
        let filled = total == 0 ? 0 : done * barWidth / total
        add([StyledRun(String(repeating: "█", count: filled), Theme.listMarker),
             StyledRun(String(repeating: "░", count: barWidth - filled), Theme.muted)])
        blank()

        guard let current = reading.current else {
            add([StyledRun("✓ " + Messages.text(.allDone, messages), Theme.runStep)])
            blank()
            add([StyledRun("  " + Messages.text(.suggestList, messages, "llmcourse list"))])
            return MarkdownRenderer(options: options).encode(lines)
        }
        let title = roadmap.entry(current.id)?.title ?? course.roadmap.entry(current.id)?.title ?? current.id
        let started = current.sectionsRead > 0
        if started {
            let count = Messages.text(.sectionsRead, messages, String(current.sectionsRead), String(current.sections))
            add([StyledRun(Messages.text(.lessonInProgress, messages, title, count), Theme.strong)])
        } else {
            add([StyledRun(Messages.text(.startWith, messages, title), Theme.strong)])
        }
        if let exercise = reading.nextExercise(for: current) {
            add([StyledRun(Messages.text(.nextExercise, messages, exercise) + " (llmcourse check \(exercise))")])
        }
        if let next = reading.lesson(after: current.id) {
            let nextTitle = roadmap.entry(next.id)?.title ?? next.id
            add([StyledRun(Messages.text(.nextUp, messages, nextTitle), Theme.muted)])
        }
        blank()
        var command = "llmcourse read \(current.id)"
        if started, let unread = current.firstUnread { command += " --section \(unread + 1)" }
        add([StyledRun("→ ", Theme.listMarker), StyledRun(Messages.text(.suggestRead, messages, ""), Theme.strong),
             StyledRun(command, Theme.inlineCode)])
        add([StyledRun("  " + Messages.text(.suggestList, messages, "")), StyledRun("llmcourse list", Theme.inlineCode)])
        return MarkdownRenderer(options: options).encode(lines)
    }
}
