import Console
import ArgumentParser
import Course
import CourseSearch
import Foundation
import Progress
import Terminal

/// `llmcourse ask "<question>"`: the lesson sections that answer a question, found by BM25
/// over both editions of the course, with an answer made of the lessons' own sentences.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Find the lesson sections that answer a question.",
        discussion: """
        Searches every section of every lesson, in English and Chinese (BM25 over words and \
        Chinese character pairs), and prints the best sentences, then each section with an \
        excerpt and the command that opens it. The index is kept in the state folder and \
        rebuilt when a lesson changes. Example: llmcourse ask "what does the KV cache store?"
        """
    )

    @Argument(help: "The question, in English or Chinese.")
    var question: [String] = []

    @Option(name: .long, help: "How many sections to show.")
    var limit = 5

    @Flag(name: .long, help: "Print the answer as JSON (schema llmcourse.ask/1).")
    var json = false

    @OptionGroup var options: ReadingOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let (root, language) = try options.reporting { () throws -> (URL, CourseLanguage) in
            (try CourseLoader.findRoot(explicit: options.course, environment: environment),
             try CourseLanguage.resolve(explicit: options.lang, environment: environment))
        }
        // An explicit --lang searches that edition only; otherwise both.
        let searchLanguage = (options.lang ?? "").isEmpty ? nil : language
        let cache = SearchIndexCache(courseRoot: root, stateDirectory: ProgressStore.defaultDirectory(courseRoot: root, environment: environment))
        let (index, outcome) = try options.reporting { try cache.index { try CourseLoader.load(root: root) } }
        if case .rebuiltDamaged(let reason) = outcome {
            FileHandle.standardError.write(Data(("llmcourse: " + AskMessages.text(.damagedCache, language, cache.fileURL.path, reason) + "\n").utf8))
        }
        let answer: CourseQuestion
        do {
            answer = try CourseQuestion.ask(question.joined(separator: " "), index: index, limit: max(limit, 1), language: searchLanguage)
        } catch .emptyQuestion {
            FileHandle.standardError.write(Data(("llmcourse: " + AskMessages.text(.emptyQuestion, language) + "\n").utf8))
            throw ExitCode.failure
        } catch .noMatch(let q) {
            FileHandle.standardError.write(Data(("llmcourse: " + AskMessages.text(.noMatch, language, q) + "\n").utf8))
            throw ExitCode.failure
        }
        if json {
            Output.write(AskReport.json(answer, index: outcome) + "\n")
        } else {
            let terminal = TerminalEnvironment.current(color: options.color, environment: environment)
            let bold: (String) -> String = terminal.color ? { "\u{1B}[1m\($0)\u{1B}[22m" } : { $0 }
            Output.write(AskReport.text(answer, language: language, bold: bold))
        }
    }
}
