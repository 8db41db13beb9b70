/// Problems a learner or an author can cause around exercises; each says how to fix it.
public enum ExerciseError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownExercise(String, known: [String])
    case malformed(path: String, line: Int, problem: String)
    case missingFile(path: String, role: String)
    case noExercises(folder: String)
    case referenceMissing(reference: String, problem: String)
    case notPassedYet(String)
    case courseLibraryUnavailable(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownExercise(let id, let known):
            let close = known.filter { $0.hasPrefix(String(id.prefix(3))) }.prefix(3)
            let suggestion = close.isEmpty ? "" : " Did you mean \(close.joined(separator: ", "))?"
            return "there is no exercise '\(id)'.\(suggestion) Run `llmcourse exercises` to list them."
        case .malformed(let path, let line, let problem):
            return "\(path):\(line):1: \(problem)"
        case .missingFile(let path, let role):
            return "\(path): the \(role) is missing. Restore it from git (`git restore \(path)`)."
        case .noExercises(let folder):
            return "no exercises found in \(folder). Run llmcourse from the course folder or pass --course."
        case .referenceMissing(let reference, let problem):
            return "the reference '\(reference)' cannot be shown: \(problem)"
        case .notPassedYet(let id):
            return "exercise '\(id)' has not passed yet. The solution opens once `llmcourse check \(id)` passes "
                + "(or use `llmcourse solution \(id) --force` to look now)."
        case .courseLibraryUnavailable(let reason):
            return "the course library (LLMCourseKit) is not available: \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason). Check the folder's permissions."
        }
    }
}
