import Course
import Foundation

/// Format checks of one exercise folder, as `path:line:column: message` problems. Used by
/// `llmcourse dev verify-exercises` and by `llmcourse lint` (through ``ExerciseLintRule``).
public enum ExerciseLint {
    public static func problems(_ exercise: Exercise, courseRoot: URL) -> [CourseDiagnostic] {
        let base = "Exercises/\(exercise.id)"
        var problems: [CourseDiagnostic] = []
        func report(_ path: String, _ message: String, line: Int = 1) {
            problems.append(CourseDiagnostic(path: path, line: line, column: 1, message: message))
        }
        for name in exercise.starterFiles {
            let url = exercise.folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                report("\(base)/exercise.md", "starter file \(name) listed in `files:` does not exist")
                continue
            }
            if !text.contains("TODO") { report("\(base)/\(name)", "the starter has no `TODO` marker showing the learner where to work") }
        }
        for (file, role) in [("Checks.swift", "checks"), ("Bridge.swift", "bridge between the checks and the learner's program"), ("Solution.swift", "reference solution")]
        where !FileManager.default.fileExists(atPath: exercise.folder.appendingPathComponent(file).path) {
            report("\(base)/exercise.md", "\(file) (the \(role)) is missing")
        }
        let english = exercise.text(.english)
        if english.hints.isEmpty { report(english.path, "no hints: add a `## Hints` section with a numbered list") }
        for language in CourseLanguage.allCases where language != .english {
            guard let translated = exercise.texts[language] else {
                report("\(base)/exercise.md", "no \(language.nativeName) text: add exercise\(language.fileSuffix).md")
                continue
            }
            if translated.hints.count != english.hints.count {
                report(translated.path, "\(translated.hints.count) hints, but the English text has \(english.hints.count); keep them in step")
            }
        }
        do {
            _ = try SolutionViewer.region(exercise, courseRoot: courseRoot)
        } catch {
            report("\(base)/exercise.md", "\(error)")
        }
        if !FileManager.default.fileExists(atPath: courseRoot.appendingPathComponent("Lessons/\(exercise.lesson)").path) {
            report("\(base)/exercise.md", "unknown lesson '\(exercise.lesson)' in `lesson:`: Lessons/\(exercise.lesson)/ does not exist")
        }
        return problems
    }
}

/// The exercise checks as a `llmcourse lint` rule: malformed exercise folders and the
/// per-exercise format checks above.
public struct ExerciseLintRule: LintRule {
    public let name = "exercises"

    public init() {}

    public func check(_ context: LintContext) -> [LintProblem] {
        let folder = context.root.appendingPathComponent("Exercises")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var problems: [LintProblem] = []
        for name in names {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder),
                  isFolder.boolValue else { continue }
            do {
                let exercise = try ExerciseCatalog.loadExercise(id: name, folder: folder.appendingPathComponent(name), root: context.root)
                problems += ExerciseLint.problems(exercise, courseRoot: context.root)
            } catch .malformed(let path, let line, let problem) {
                problems.append(CourseDiagnostic(path: path, line: line, column: 1, message: problem))
            } catch {
                problems.append(CourseDiagnostic(path: "Exercises/\(name)", line: 1, column: 1, message: "\(error)"))
            }
        }
        return problems
    }
}
