import Console
import Course
import Foundation
import Progress

/// The reference implementation of an exercise: the anchored region of the library source
/// named by its `reference:` metadata. Shown only after the exercise passed, unless forced.
public enum SolutionViewer {
    public struct Solution: Equatable {
        public var path: String
        public var firstLine: Int
        public var code: String
    }

    public static func solution(_ exercise: Exercise, courseRoot: URL, progress: CourseProgress?, force: Bool) throws -> Solution {
        if !force && progress?.isPassed(exercise.id) != true {
            throw ExerciseError.notPassedYet(exercise.id)
        }
        return try region(exercise, courseRoot: courseRoot)
    }

    /// The reference region, unconditionally (for authors and lint).
    public static func region(_ exercise: Exercise, courseRoot: URL) throws(ExerciseError) -> Solution {
        let (path, anchor) = exercise.referenceParts
        guard let text = try? String(contentsOf: courseRoot.appendingPathComponent(path), encoding: .utf8) else {
            throw .referenceMissing(reference: exercise.reference, problem: "\(path) cannot be read")
        }
        let extracted: Result<SourceRegion, SourceRegion.Problem> = Result { () throws(SourceRegion.Problem) in
            try SourceRegion.extract(from: text, anchor: anchor)
        }
        switch extracted {
        case .success(let region):
            return Solution(path: path, firstLine: region.firstLine, code: region.code)
        case .failure(.anchorMissing):
            throw .referenceMissing(reference: exercise.reference, problem: "\(path) has no `// ANCHOR: \(anchor ?? "")` line")
        case .failure(.anchorNotClosed(let line)):
            throw .referenceMissing(reference: exercise.reference, problem: "\(path):\(line): `ANCHOR: \(anchor ?? "")` has no matching `ANCHOR_END`")
        }
    }

    public static func render(_ solution: Solution, exercise: Exercise, style: Palette, language: CourseLanguage = .english) -> String {
        let count = solution.code.split(separator: "\n", omittingEmptySubsequences: false).count
        let header = style.bold(ExerciseMessages.text(.solutionHeading, language))
            + ExerciseMessages.text(.solutionPlace, language, solution.path, "\(solution.firstLine)", "\(solution.firstLine + count - 1)")
        return header + "\n\n" + solution.code + "\n"
    }
}
