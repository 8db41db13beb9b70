import ArgumentParser
import Foundation
import Grader

/// `llmcourse watch [id]`: re-grade the current exercise on every save.
struct Watch: ExerciseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade an exercise again every time you save your file (t task · h hint · n next · r re-run · q quit).",
        discussion: "Uses file events (inotify); add --poll where saves are not noticed (network drives, WSL). \(LanguageHelp.exercise)"
    )

    @Argument(help: "The exercise id; default: the next one not passed.")
    var id: String?

    @Flag(name: .long, help: "Check the file for changes every 150 ms instead of using file events.")
    var poll = false

    @OptionGroup var options: ExerciseOptions


    func perform() throws {
        let grader = try options.grader()
        let language = try options.language
        guard let chosen = try options.exerciseID(id, grader: grader, usage: "`llmcourse watch <id>`") else { return }
        let exercise = try options.localized { try grader.catalog.exercise(chosen) }
        let session = WatchSession(grader: grader, exercise: exercise, language: language,
                                   style: .forStandardOutput(), forcePolling: poll || ProcessInfo.processInfo.environment["LLMCOURSE_WATCH"] == "poll",
                                   task: { TaskText.render($0, language: language) },
                                   markdown: { Hint.markdownFormatter(language: language, path: $0.text(language).path) })
        try options.localized { try session.run() }
    }
}
