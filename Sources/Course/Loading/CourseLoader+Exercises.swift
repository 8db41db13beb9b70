import Foundation

/// Reading `Exercises/<id>/exercise[.<lang>].md` into ``CourseExercise`` values.
///
/// Separate from loading lessons because the grader may work in a folder that holds only
/// exercises (a study group's grading machine, the tests' probe course).
extension CourseLoader {
    /// The folder of exercises, relative to the course root.
    public static let exercisesFolder = "Exercises"

    /// Every folder under `Exercises/` that has an `exercise.md`, by id.
    public static func loadExercises(root: URL) throws(CourseError) -> [String: CourseExercise] {
        var found: [String: CourseExercise] = [:]
        for id in exerciseFolders(root: root) {
            if let exercise = try loadExercise(id: id, root: root) { found[id] = exercise }
        }
        return found
    }

    /// One exercise folder; nil when it has no `exercise.md`.
    public static func loadExercise(id: String, root: URL) throws(CourseError) -> CourseExercise? {
        var editions: [CourseLanguage: ExerciseEdition] = [:]
        for language in CourseLanguage.allCases {
            let path = "\(exercisesFolder)/\(id)/exercise\(language.fileSuffix).md"
            guard let data = try readData(root, path) else {
                if language == .english { return nil }
                continue
            }
            editions[language] = ExerciseParser.parse(String(decoding: data, as: UTF8.self), id: id, language: language, path: path)
        }
        return CourseExercise(id: id, editions: editions)
    }

    /// Folders directly under `Exercises/` that hold an `exercise.md`, sorted.
    public static func exerciseFolders(root: URL) -> [String] {
        let fm = FileManager.default
        let folder = root.appendingPathComponent(exercisesFolder)
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { name in
            !name.hasPrefix(".") && fm.fileExists(atPath: folder.appendingPathComponent(name).appendingPathComponent("exercise.md").path)
        }
    }
}
