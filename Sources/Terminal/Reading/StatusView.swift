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
    let view: CourseView
    var course: Course { view.course }
    var reading: ReadingProgress { view.reading }
    var language: CourseLanguage { view.language }
    var options: RenderOptions { view.options }

    public init(course: Course, progress: CourseProgress, language: CourseLanguage, options: RenderOptions) {
        view = CourseView(course: course, progress: progress, language: language, options: options)
    }

    public func render() -> String {
        let roadmap = course.roadmap(in: language)
        var lines = CourseView.Lines(width: options.width)
        func add(_ runs: [StyledRun]) { lines.add(runs) }
        func blank() { lines.blank() }

        add([StyledRun(roadmap.title, Theme.heading1)])
        let total = reading.totalSections, done = reading.totalRead
        let percent = total == 0 ? 0 : done * 100 / total
        add([StyledRun(Messages.text(.courseProgress, language, String(done), String(total), String(percent)))])
        let barWidth = min(options.width, 40)
        let filled = total == 0 ? 0 : done * barWidth / total
        add([StyledRun(String(repeating: "█", count: filled), Theme.listMarker),
             StyledRun(String(repeating: "░", count: barWidth - filled), Theme.muted)])
        blank()

        guard let current = reading.current else {
            add([StyledRun("✓ " + Messages.text(.allDone, language), Theme.runStep)])
            blank()
            add([StyledRun("  " + Messages.text(.suggestList, language, "llmcourse list"))])
            return view.encode(lines)
        }
        let title = roadmap.entry(current.id)?.title ?? course.roadmap.entry(current.id)?.title ?? current.id
        let started = current.sectionsRead > 0
        if started {
            let count = Messages.text(.sectionsRead, language, String(current.sectionsRead), String(current.sections))
            add([StyledRun(Messages.text(.lessonInProgress, language, title, count), Theme.strong)])
        } else {
            add([StyledRun(Messages.text(.startWith, language, title), Theme.strong)])
        }
        if let exercise = reading.nextExercise(for: current) {
            add([StyledRun(Messages.text(.nextExercise, language, exercise) + " (llmcourse check \(exercise))")])
        }
        if let next = reading.lesson(after: current.id) {
            let nextTitle = roadmap.entry(next.id)?.title ?? next.id
            add([StyledRun(Messages.text(.nextUp, language, nextTitle), Theme.muted)])
        }
        blank()
        var command = "llmcourse read \(current.id)"
        if started, let unread = current.firstUnread { command += " --section \(unread + 1)" }
        add([StyledRun("→ ", Theme.listMarker), StyledRun(Messages.text(.suggestRead, language, ""), Theme.strong),
             StyledRun(command, Theme.inlineCode)])
        add([StyledRun("  " + Messages.text(.suggestList, language, "")), StyledRun("llmcourse list", Theme.inlineCode)])
        return view.encode(lines)
    }
}
