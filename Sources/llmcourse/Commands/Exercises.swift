import ArgumentParser
import Grader

/// `llmcourse exercises`: every exercise with its status, the next one highlighted.
struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the exercises, with what you have passed and what comes next.",
        discussion: LanguageHelp.exercise
    )

    @OptionGroup var options: ExerciseOptions

    func run() throws {
        let overview = ExerciseOverview(catalog: try options.catalog(), progress: try options.store().load(),
                                        language: try options.language)
        print(overview.render(style: .forStandardOutput()))
    }
}
