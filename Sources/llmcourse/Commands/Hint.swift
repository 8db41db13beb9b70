import ArgumentParser
import Grader

/// `llmcourse hint <id>`: the next hint of an exercise.
struct Hint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the next hint for an exercise (one more each time).",
        discussion: LanguageHelp.exercise
    )

    @Argument(help: "The exercise id.")
    var id: String

    @OptionGroup var options: ExerciseOptions

    /// Exercise, course and progress errors are printed in the learner's language.
    func run() throws { try options.localized { try perform() } }

    private func perform() throws {
        let language = try options.language
        let exercise = try options.localized { try options.catalog().exercise(id) }
        let reveal = try HintBook.reveal(exercise, language: language, store: try options.store())
        print(HintBook.render(reveal, exercise: exercise, style: .forStandardOutput(), language: language))
    }
}
