import ArgumentParser

/// Reading the course: status, list, read, ask.
enum ReadingCommands {
    static let all: [any ParsableCommand.Type] = [StatusCommand.self, ListCommand.self, ReadCommand.self, AskCommand.self, ConfigCommand.self]
}

extension ReadingCommands {
    /// What `llmcourse` runs with no subcommand.
    static let defaultCommand: (any ParsableCommand.Type)? = StatusCommand.self
}
