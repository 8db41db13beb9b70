import ArgumentParser

/// Authoring: lint, import, dev.
enum AuthoringCommands {
    static let all: [any ParsableCommand.Type] = [Lint.self, Import.self, Dev.self]
}
