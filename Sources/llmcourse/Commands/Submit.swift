import ArgumentParser
import Foundation
import Grader
import StudyGroup
import Terminal

/// `llmcourse submit <id>`: send the working copy to the study group's server and show the verdict.
struct Submit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Submit an exercise to your study group's server and wait for its verdict.",
        discussion: """
        Sends workspace/<id>/<File>.swift. The server address and your token come from \
        LLMCOURSE_SERVER and LLMCOURSE_TOKEN, or ~/.config/llmcourse/group.json \
        ({"server": "http://host:8080", "token": "…"}). Exit status: 0 when every check passes. \
        \(LanguageHelp.exercise)
        """
    )

    @Argument(help: "The exercise id (see `llmcourse exercises`).")
    var id: String

    @Option(name: .long, help: "The server, e.g. http://192.168.1.20:8080 (default: LLMCOURSE_SERVER or the config file).")
    var server: String?

    @Flag(name: .long, help: "Print the verdict as JSON.")
    var json = false

    @Option(name: .long, help: "Seconds to wait for the verdict.")
    var timeout: Double = 600

    @OptionGroup var options: ExerciseOptions

    func run() async throws {
        let language = try options.language
        let messages = language
        let config = try GroupClientConfig.load()
        guard let address = server ?? config.server, let url = URL(string: address), url.scheme != nil else {
            throw options.failure(CommandMessages.text(.noServer, messages, GroupClientConfig.file(environment: ProcessInfo.processInfo.environment).path))
        }
        guard let token = config.token else {
            throw options.failure(CommandMessages.text(.noToken, messages))
        }
        let catalog = try options.catalog()
        let exercise = try options.localized { try catalog.exercise(id) }
        let workspace = Workspace.default(courseRoot: catalog.root)
        guard let file = workspace.files(for: exercise).first, let source = try? String(contentsOf: file, encoding: .utf8) else {
            throw options.failure(CommandMessages.text(.noWorkingCopy, messages, id))
        }
        let client = GroupClient(server: url, token: token)
        let receipt = try await client.submit(SubmissionUpload(exercise: id, source: source))
        if !json { FileHandle.standardError.write(Data((CommandMessages.text(.submitted, messages, file.lastPathComponent, "\(receipt.id)") + "\n").utf8)) }
        let done = try await client.waitUntilGraded(receipt.id, timeout: timeout)
        guard let text = done.verdict, var verdict = try? JSONDecoder().decode(Verdict.self, from: Data(text.utf8)) else {
            throw options.failure(CommandMessages.text(.noReadableVerdict, messages, "\(receipt.id)"))
        }
        // The verdict names the server's copy; the member edits their own.
        verdict.files = [file.path]
        if json {
            print(verdict.json())
        } else {
            print(VerdictRenderer(style: .forStandardOutput(), language: language).render(verdict, title: exercise.text(language).title))
        }
        if !verdict.passed { throw ExitCode(1) }
    }
}
