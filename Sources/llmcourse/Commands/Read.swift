import ArgumentParser
import Console
import Course
import Demos
import Terminal

/// `llmcourse read <lesson>`: steps through a lesson section by section on a terminal; prints
/// it whole (plain text, no prompts) when the output is a pipe or a file.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a lesson, one section at a time.",
        discussion: """
        Keys: n or space for the next section, p for the previous one, r to run the section's demo, \
        q to quit (j/k and the arrows scroll a long section). Each section you see is marked read, and \
        `read <lesson>` reopens at the first section you have not read. Piped output \
        (`llmcourse read rag | less`) is the whole lesson as plain text and marks nothing read.
        """
    )

    @Argument(help: "The lesson id, as shown by `llmcourse list` (e.g. neural-networks), or an exercise id for its task; default: where you left off.")
    var lesson: String?

    @Option(name: .long, help: "Start at this section (1 = the first).")
    var section: Int?

    @OptionGroup var options: ReadingOptions

    func run() throws {
        let context = try options.load()
        // An exercise id: its task (the learner looked for it where lessons are).
        if let name = self.lesson, context.course.lessons[name] == nil,
           let edition = context.course.exercises[name]?.edition(context.language) {
            let task = ExerciseTaskView(title: edition.title, task: edition.task, path: edition.path, options: context.renderOptions)
            Output.write(task.render() + "\n\n" + Messages.text(.exerciseTaskFooter, context.language, name) + "\n")
            return
        }
        // The lesson named (or else the one the learner was reading), at its first unread section.
        let (lesson, resumeAt) = ReadingProgress(course: context.course, progress: context.progress)
            .resumePoint(lesson: self.lesson, section: self.section, firstLesson: context.course.lessonIDs.first)
        // Printed to a pipe or a file, the lesson is whole unless a section is asked for.
        let section = context.environment.isInteractive ? resumeAt : self.section
        let shown = try options.reporting { try context.lesson(lesson) }
        let id = shown.lesson.id
        let count = max(shown.lesson.sections.count, 1)
        if let n = section, !(1...count).contains(n) {
            try options.reporting { () throws -> Void in throw ReadingError.noSuchSection(lesson: id, requested: n, count: count) }
        }
        let course = context.course
        let base = context.renderOptions
        let reader = LessonReader(
            environment: context.environment, language: context.language,
            nextLessonID: course.lessonID(after: id),
            layout: { width in
                var options = base
                options.width = width
                return LessonPages(lesson: shown, course: course, options: options)
            },
            markRead: { context.markRead(lesson: id, section: $0) },
            firstUnread: { context.firstUnreadSection(of: id) },
            runDemo: { demoID, width in
                let demo = try DemoRegistry.demo(demoID)
                let demoContext = DemoContext(demoID: demoID, width: width, language: context.language) { Output.write($0) }
                demoContext.progressReporter = ProgressReporter.standardError()
                defer { demoContext.finishProgress() }
                try demo.run(demoContext)
            }
        )
        reader.run(section: section.map { $0 - 1 })
    }
}
