import ArgumentParser
import Foundation
import Grader
import Terminal

/// `llmcourse check <id>`: grade the learner's working copy of an exercise.
struct Check: ExerciseCommand {
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


    func perform() throws {
        let grader = try options.grader()
        if json, let id, !grader.catalog.exercises.contains(where: { $0.id == id }) {
            // Scripts reading --json get JSON even for a mistyped id.
            let known = grader.catalog.exercises.map(\.id)
            let object: [String: Any] = ["schema": "llmcourse.verdict/1", "exercise": id, "status": "error", "error_kind": "unknown_exercise",
                                         "message": "no exercise named \(id); known: \(known.joined(separator: ", "))", "known": known]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            throw ExitCode(1)
        }
        let language = try options.language
        guard let id = try options.exerciseID(id, grader: grader, usage: "`llmcourse check <id>`") else { return }
        let (exercise, created, attempt) = try options.localized {
            let exercise = try grader.catalog.exercise(id)
            // A working file that cannot be made is reported by the verdict (it names the file).
            let created = (try? grader.workspace.prepare(exercise)) ?? []
            return (exercise, created, try grader.attempt(id, seed: seed))
        }
        let verdict = attempt.verdict
        if json {
            print(verdict.json())
        } else {
            // A new working copy: the task it is for comes first.
            if !created.isEmpty { print(TaskText.render(exercise, language: language) + "\n") }
            for file in created { print(ExerciseMessages.text(.createdWorkingCopy, language, file.path)) }
            print(VerdictRenderer(style: .forStandardOutput(), language: language).render(verdict, title: exercise.text(language).title))
            if verdict.passed && attempt.replay, let seed {
                print(ExerciseMessages.text(.replayNotRecorded, language, String(seed), "llmcourse check \(id)"))
            } else if attempt.passRecorded,
                      let next = ExerciseOverview(catalog: grader.catalog, progress: (try? grader.store?.load()) ?? .init(), language: language).next {
                print(ExerciseMessages.text(.nextCheck, language, "llmcourse check \(next.id)"))
            }
        }
        // The verdict stands; a progress problem is a warning beside it, on standard error.
        if let problem = attempt.progressError {
            let reason = ErrorMessages.text(for: problem, language)
            FileHandle.standardError.write(Data((ExerciseMessages.text(.progressNotSaved, language, reason) + "\n").utf8))
        }
        if !verdict.passed { throw ExitCode(1) }
    }
}
