import ArgumentParser
import Foundation
import Grader

/// `llmcourse check <id>`: grade the learner's working copy of an exercise.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade an exercise: compile your file on its own, run the checks in a sandbox.",
        discussion: """
        Your working copy is workspace/<id>/<File>.swift (made from the starter on first use). \
        Exit status: 0 when every check passes, 1 otherwise. --json prints the verdict \
        (schema llmcourse.verdict/1) instead of the summary; its fields stay the same in every language. \
        \(LanguageHelp.exercise)
        """
    )

    @Argument(help: "The exercise id (see `llmcourse exercises`); default: the next one not passed.")
    var id: String?

    @Option(name: .long, help: "Seed for the random inputs; re-run a failure with the seed it printed.")
    var seed: UInt64?

    @Flag(name: .long, help: "Print the verdict as JSON.")
    var json = false

    @OptionGroup var options: ExerciseOptions

    /// Exercise, course and progress errors are printed in the learner's language.
    func run() throws { try options.localized { try perform() } }

    private func perform() throws {
        let grader = try options.grader()
        let language = try options.language
        guard let id = try options.exerciseID(id, grader: grader, usage: "`llmcourse check <id>`") else { return }
        let (exercise, created, verdict) = try options.localized {
            let exercise = try grader.catalog.exercise(id)
            let created = try grader.workspace.prepare(exercise)
            return (exercise, created, try grader.check(id, seed: seed))
        }
        if !json {
            for file in created { print(ExerciseMessages.text(.createdWorkingCopy, language, file.path)) }
        }
        if json {
            print(verdict.json())
        } else {
            print(VerdictRenderer(style: .forStandardOutput(), language: language).render(verdict, title: exercise.text(language).title))
            if verdict.passed, let next = ExerciseOverview(catalog: grader.catalog, progress: try grader.store?.load() ?? .init(),
                                                          language: language).next {
                print(ExerciseMessages.text(.nextCheck, language, "llmcourse check \(next.id)"))
            }
        }
        if !verdict.passed { throw ExitCode(1) }
    }
}
