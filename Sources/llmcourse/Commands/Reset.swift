import ArgumentParser
import Grader

/// `llmcourse reset <id>`: the starter back, the learner's file kept as a backup.
struct Reset: ExerciseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the starter file back in your working copy (your version is kept as a .bak file).",
        discussion: LanguageHelp.exercise
    )

    @Argument(help: "The exercise id.")
    var id: String

    @OptionGroup var options: ExerciseOptions


    func perform() throws {
        let language = try options.language
        let catalog = try options.catalog()
        let restored = try options.localized {
            try Workspace.default(courseRoot: catalog.root).reset(try catalog.exercise(id))
        }
        for (file, backup) in restored {
            if let backup { print(ExerciseMessages.text(.savedBackup, language, backup.path)) }
            print(ExerciseMessages.text(.restoredStarter, language, file.path))
        }
    }
}
