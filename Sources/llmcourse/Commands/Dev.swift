import ArgumentParser
import Console
import Foundation
import Grader

/// `llmcourse dev …`: checks for course authors.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Checks for course authors.",
        subcommands: [VerifyExercises.self]
    )
}

/// `llmcourse dev verify-exercises`: every starter fails, every reference solution passes.
struct VerifyExercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-exercises",
        abstract: "Prove every exercise's starter fails its checks and its Solution.swift passes them.",
        discussion: "Also checks each exercise's format (texts in both languages, hints, TODO markers, the reference anchor). Exit status 1 on any problem. \(LanguageHelp.exercise)"
    )

    @Argument(help: "Exercise ids to verify (default: all).")
    var ids: [String] = []

    @OptionGroup var options: ExerciseOptions

    func run() throws {
        let grader = try options.grader(warnAboutMalformed: false)
        let language = try options.language
        var verifier = ExerciseVerifier(grader: grader)
        verifier.language = language
        let style = Palette.forStandardOutput()
        let exercises = ids.isEmpty ? grader.catalog.exercises : try options.localized { try ids.map { try grader.catalog.exercise($0) } }
        print(ExerciseMessages.text(.verifying, language, "\(exercises.count)", grader.sandbox.summary))
        var failed = grader.catalog.problems.count
        for problem in grader.catalog.problems { print(style.red("FAIL") + " \(problem.text(language))") }
        for exercise in exercises {
            let report = verifier.verify(exercise)
            if !report.ok { failed += 1 }
            print(verifier.render(report, style: style))
        }
        let total = exercises.count + grader.catalog.problems.count
        print(failed == 0 ? ExerciseMessages.text(.verifiedAll, language, "\(total)")
                          : ExerciseMessages.text(.verifyProblems, language, "\(failed)", "\(total)"))
        if failed > 0 { throw ExitCode(1) }
    }
}
