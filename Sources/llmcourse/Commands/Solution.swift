import ArgumentParser
import Grader

/// `llmcourse solution <id>`: the course library's implementation, after a pass.
struct Solution: ExerciseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the course library's implementation of an exercise (after you pass it).",
        discussion: LanguageHelp.exercise
    )

    @Argument(help: "The exercise id.")
    var id: String

    @Flag(name: .long, help: "Show it even though the exercise has not passed yet.")
    var force = false

    @OptionGroup var options: ExerciseOptions


    func perform() throws {
        let language = try options.language
        let catalog = try options.catalog()
        let (exercise, solution) = try options.localized {
            let exercise = try catalog.exercise(id)
            return (exercise, try SolutionViewer.solution(exercise, courseRoot: catalog.root, progress: try options.store().load(), force: force))
        }
        print(SolutionViewer.render(solution, exercise: exercise, style: .forStandardOutput(), language: language))
    }
}
