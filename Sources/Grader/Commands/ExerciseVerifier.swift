import Console
import Course
import Foundation

/// The authoring check behind `llmcourse dev verify-exercises`: every exercise is well
/// formed, its starter compiles and fails, and its `Solution.swift` passes every check.
///
/// The solution is graded exactly like a learner's file (same compile, same sandbox), with
/// two seeds, so a check that only passes for lucky inputs is caught.
public struct ExerciseVerifier {
    public struct Report: Equatable {
        public var exercise: String
        public var problems: [String]
        public var starterScore: String
        public var solutionScore: String
        public var ok: Bool { problems.isEmpty }
    }

    public var grader: Grader
    public var seeds: [UInt64] = [1, 2]
    /// Language of the report's own words (the problems found by lint stay as lint wrote them).
    public var language: CourseLanguage = .english

    public init(grader: Grader) { self.grader = grader }

    public func verify(_ exercise: Exercise) -> Report {
        var problems = ExerciseLint.problems(exercise, courseRoot: grader.courseRoot).map(\.description)
        let starters = exercise.starterFiles.map { exercise.folder.appendingPathComponent($0) }
        let starter = grader.grade(exercise, sources: starters, seed: seeds[0], buildKey: "\(exercise.id).starter")
        if starter.passed {
            problems.append(ExerciseMessages.text(.verifyStarterPasses, language))
        } else if starter.errorKind == .compile || starter.errorKind == .internal {
            let why = (starter.note?.text(language) ?? starter.message ?? "")
                + (starter.diagnostics?.first.map { " — \($0.location): \($0.message)" } ?? "")
            problems.append(ExerciseMessages.text(.verifyStarterBroken, language, why))
        }
        var solutionScore = "-"
        if FileManager.default.fileExists(atPath: exercise.solutionFile.path) {
            for seed in seeds {
                let solution = grader.grade(exercise, sources: [exercise.solutionFile], seed: seed, buildKey: "\(exercise.id).solution")
                solutionScore = "\(solution.score)/\(solution.maxScore)"
                if !solution.passed {
                    let failed = solution.tests.first { $0.status != .pass }
                    let detail = failed.map { "\($0.name): \($0.note?.text(language) ?? $0.message ?? $0.status.rawValue)" }
                        ?? solution.note?.text(language) ?? solution.message
                        ?? solution.diagnostics?.first.map { "\($0.location): \($0.message)" } ?? ""
                    problems.append(ExerciseMessages.text(.verifySolutionFails, language, "\(seed)", solutionScore, detail))
                    break
                }
            }
        }
        return Report(exercise: exercise.id, problems: problems, starterScore: "\(starter.score)/\(starter.maxScore)",
                      solutionScore: solutionScore)
    }

    public func render(_ report: Report, style: Palette) -> String {
        if report.ok {
            return style.green("ok") + "   " + ExerciseMessages.text(.verifiedOK, language, report.exercise, report.starterScore, report.solutionScore)
        }
        return ([style.red("FAIL") + " \(report.exercise)"] + report.problems.map { "     " + $0 }).joined(separator: "\n")
    }
}
