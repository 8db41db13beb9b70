import ArgumentParser
import Grader
import Progress

/// `llmcourse exercises`: every exercise with its status, the next one highlighted.
struct Exercises: ExerciseCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the exercises, with what you have passed and what comes next.",
        discussion: LanguageHelp.exercise
    )

    @OptionGroup var options: ExerciseOptions


    func perform() throws {
        // A progress problem (unreadable, newer format, no folder) is said once, in words; the
        // list still shows, as if nothing were passed yet.
        var progress = CourseProgress()
        do { progress = try options.localized { try options.store().load() } } catch let code as ExitCode where code != .success {}
        let overview = ExerciseOverview(catalog: try options.catalog(), progress: progress,
                                        language: try options.language)
        print(overview.render(style: .forStandardOutput()))
    }
}
