import ArgumentParser
import Console
import Course
import Grader
import Terminal

/// `llmcourse exercise <id>`: the exercise's task, and the working copy to write it in.
struct ExerciseTask: ExerciseCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Show an exercise's task and make your working copy of it.",
        discussion: """
        Prints the task (without its hints: `llmcourse hint <id>` shows them one at a time) and \
        creates workspace/<id>/<File>.swift from the starter if it is not there yet. \
        `llmcourse read <id>` shows the task as well. \(LanguageHelp.exercise)
        """
    )

    @Argument(help: "The exercise id (see `llmcourse exercises`); default: the next one not passed.")
    var id: String?

    @OptionGroup var options: ExerciseOptions

    func perform() throws {
        let language = try options.language
        let catalog = try options.catalog()
        let store = try? options.store()
        let passed = (try? store?.load()) ?? nil
        guard let chosen = id ?? catalog.exercises.first(where: { passed?.isPassed($0.id) != true })?.id else {
            print(ExerciseMessages.text(.allPassedPick, language, "`llmcourse exercise <id>`"))
            return
        }
        let exercise = try options.localized { try catalog.exercise(chosen) }
        let workspace = Workspace.default(courseRoot: try options.root)
        let created = (try? workspace.prepare(exercise)) ?? []
        print(TaskText.render(exercise, language: language))
        print()
        for file in created { print(ExerciseMessages.text(.createdWorkingCopyShort, language, file.path)) }
        let files = workspace.files(for: exercise).map(\.path).joined(separator: ", ")
        print(ExerciseMessages.text(.taskNextSteps, language, files, exercise.id))
    }
}

/// An exercise's task as the terminal shows it (``ExerciseTaskView``), for `exercise`,
/// `check` on a new working copy, and `watch`.
enum TaskText {
    static func render(_ exercise: Exercise, language: CourseLanguage) -> String {
        let text = exercise.text(language)
        let options = RenderOptions(environment: TerminalEnvironment.current(), language: language)
        return ExerciseTaskView(title: text.title, task: text.task, path: text.path, options: options).render()
    }
}
