import ArgumentParser
import Console
import Terminal

/// `llmcourse list`: the roadmap with a progress mark per lesson.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the roadmap: every lesson with its progress (✓ read, ◐ partly, · not started).",
        discussion: "▶ marks lessons with runnable demos, ✎ lessons with exercises. Open one with `llmcourse read <id>`."
    )

    @OptionGroup var options: ReadingOptions

    func run() throws {
        let context = try options.load()
        let view = RoadmapView(course: context.course, progress: context.progress,
                               language: context.language, options: context.renderOptions)
        Output.write(view.render() + "\n")
    }
}
