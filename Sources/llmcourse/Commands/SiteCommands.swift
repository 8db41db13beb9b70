import ArgumentParser

/// The web site: site build, check, serve.
enum SiteCommands {
    static let all: [any ParsableCommand.Type] = [SiteCommand.self]
}

/// `llmcourse site …`
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Generate, check and preview the course web site.",
        subcommands: [SiteBuildCommand.self, SiteCheckCommand.self, SiteServeCommand.self]
    )
}
