import ArgumentParser
import Grader

/// `llmcourse exercises`: every exercise with its status, the next one highlighted.
struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the exercises, with what you have passed and what comes next.",
        discussion: LanguageHelp.exercise
    )

    @OptionGroup var options: ExerciseOptions

    /// Exercise, course and progress errors are printed in the learner's language.
    func run() throws { try options.localized { try perform() } }

    private func perform() throws {
        let overview = ExerciseOverview(catalog: try options.catalog(), progress: try options.store().load(),
                                        language: try options.language)
        print(overview.render(style: .forStandardOutput()))
    }
}
