import ArgumentParser
import Foundation
import Site
import Terminal

/// `llmcourse site check`: every internal link, anchor and image of the generated site resolves.
struct SiteCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that every link, anchor and image of the generated site resolves.",
        discussion: "Prints one `file: message` line per problem and exits 1 if there is any."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {
        let messages = try options.messages()
        let root = try options.courseRoot()
        let folder = options.outputFolder(root)
        let problems = try SiteChecker.check(folder)
        for p in problems { print(p.description) }
        if !problems.isEmpty {
            FileHandle.standardError.write(Data((SiteMessages.text(.problems, messages, "\(problems.count)", folder.path) + "\n").utf8))
            throw ExitCode(1)
        }
        print(SiteMessages.text(.allResolve, messages, folder.path))
    }
}
