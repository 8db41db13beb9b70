import ArgumentParser
import Course
import Foundation
import Grader
import Progress

/// Options shared by the exercise commands.
struct ExerciseOptions: ParsableArguments {
    @Option(name: .long, help: "The course folder (holding Lessons/ and Exercises/); default: found from the current folder or LLMCOURSE_ROOT.")
    var course: String?

    @Option(name: .long, help: "Language of exercise texts and hints: en or zh-TW (default: LLMCOURSE_LANG, then LANG).")
    var lang: String?

    var root: URL { get throws { try CourseLoader.findRoot(explicit: course) } }

    var language: CourseLanguage {
        get throws { try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment) }
    }

    /// Exercises in course order (no library needed).
    func catalog() throws -> ExerciseCatalog {
        let catalog = try ExerciseCatalog.load(courseRoot: root)
        warn(about: catalog)
        return catalog
    }

    /// Malformed exercise folders, one line each on standard error (the others still work).
    func warn(about catalog: ExerciseCatalog) {
        for problem in catalog.problems {
            FileHandle.standardError.write(Data("warning: skipped an exercise: \(problem)\n".utf8))
        }
    }

    func store() throws -> ProgressStore {
        try ProgressStore(directory: ProgressStore.defaultDirectory(courseRoot: root))
    }

    /// A grader, building the course library first if needed (with a note on stderr).
    func grader(warnAboutMalformed: Bool = true) throws -> Grader {
        let grader = try Grader(courseRoot: root) { note in
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        if warnAboutMalformed { warn(about: grader.catalog) }
        return grader
    }
}
