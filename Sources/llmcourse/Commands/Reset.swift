import ArgumentParser
import Grader

/// `llmcourse reset <id>`: the starter back, the learner's file kept as a backup.
struct Reset: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put the starter file back in your working copy (your version is kept as a .bak file)."
    )

    @Argument(help: "The exercise id.")
    var id: String

    @OptionGroup var options: ExerciseOptions

    func run() throws {
        let catalog = try options.catalog()
        let exercise = try catalog.exercise(id)
        let workspace = Workspace.default(courseRoot: catalog.root)
        for (file, backup) in try workspace.reset(exercise) {
            if let backup { print("Saved your version as \(backup.path)") }
            print("Restored the starter: \(file.path)")
        }
    }
}
