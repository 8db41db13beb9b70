import ArgumentParser

/// The web site: site build, check, serve.
enum SiteCommands {
    static let all: [any ParsableCommand.Type] = []
}
