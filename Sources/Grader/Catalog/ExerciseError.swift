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

    /// The English text; commands print ``text(_:)`` in the learner's language.
    public var description: String { text(.english) }
}
