import ArgumentParser

struct LLMCourse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llmcourse",
        abstract: "Learn how large language models work by running and rebuilding them.",
        discussion: """
        Run `llmcourse` on its own to see where you are and what comes next.
        """,
        version: "0.1.0",
        subcommands: ReadingCommands.all + ExerciseCommands.all + AuthoringCommands.all
            + SiteCommands.all + DemoCommands.all + ModelCommands.all + GroupCommands.all + [LoadTest.self],
        defaultSubcommand: ReadingCommands.defaultCommand
    )
}
