import ArgumentParser
import Console
import Terminal

/// `llmcourse` (or `llmcourse status`): where the learner is and what to type next.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show your progress, the lesson in progress, what comes next and the command to run."
    )

    @OptionGroup var options: ReadingOptions

    func run() throws {
        let context = try options.load()
        let view = StatusView(course: context.course, progress: context.progress,
                              language: context.language, options: context.renderOptions)
        Output.write(view.render() + "\n")
    }
}
