import Course
import Foundation

/// All exercises of a course, in course order.
///
/// The order follows the roadmap: lesson by lesson, each lesson's exercises in the order of
/// its `exercises:` metadata; exercises no lesson lists come last, by id.
///
/// ```swift
/// let catalog = try ExerciseCatalog.load(root: courseRoot)
/// let exercise = try catalog.exercise("matmul-loops")
/// ```
public struct ExerciseCatalog: Sendable {
    public var root: URL
    public var exercises: [Exercise]
    /// Exercise folders that could not be read; they are left out of ``exercises`` so one
    /// malformed folder does not hide the others (lint and `dev verify-exercises` report them).
    public var problems: [ExerciseError] = []

    public var exercisesFolder: URL { root.appendingPathComponent("Exercises") }

    public init(root: URL, exercises: [Exercise]) {
        self.root = root
        self.exercises = exercises
    }

    /// The exercise with this id, or an error listing the known ones.
    public func exercise(_ id: String) throws(ExerciseError) -> Exercise {
        guard let found = exercises.first(where: { $0.id == id }) else {
            throw .unknownExercise(id, known: exercises.map(\.id))
        }
        return found
    }

    /// Loads every `Exercises/<id>/exercise.md` under `root`; malformed ones go to ``problems``.
    public static func load(root: URL, lessonOrder: [String] = [], lessonExercises: [String: [String]] = [:]) throws(ExerciseError) -> ExerciseCatalog {
        let folder = root.appendingPathComponent("Exercises")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var found: [Exercise] = []
        var problems: [ExerciseError] = []
        for name in names where FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name)/exercise.md").path) {
            do {
                found.append(try loadExercise(id: name, folder: folder.appendingPathComponent(name), root: root))
            } catch {
                problems.append(error)
            }
        }
        var catalog = ExerciseCatalog(root: root, exercises: order(found, lessonOrder: lessonOrder, lessonExercises: lessonExercises))
        catalog.problems = problems
        return catalog
    }

    /// Loads the catalog in course order, reading only the roadmap and the lessons' metadata lines.
    public static func load(courseRoot root: URL) throws(ExerciseError) -> ExerciseCatalog {
        let order = LessonOrder.read(root: root)
        return try load(root: root, lessonOrder: order.lessons, lessonExercises: order.exercises)
    }

    /// Loads the catalog in the order of a loaded course.
    public static func load(course: Course) throws(ExerciseError) -> ExerciseCatalog {
        var perLesson: [String: [String]] = [:]
        for (id, editions) in course.lessons {
            perLesson[id] = editions[.english]?.metadata?.exercises ?? []
        }
        return try load(root: course.root, lessonOrder: course.lessonIDs, lessonExercises: perLesson)
    }

    static func order(_ exercises: [Exercise], lessonOrder: [String], lessonExercises: [String: [String]]) -> [Exercise] {
        func rank(_ e: Exercise) -> (Int, Int, String) {
            let lessonRank = lessonOrder.firstIndex(of: e.lesson) ?? Int.max
            let within = lessonExercises[e.lesson]?.firstIndex(of: e.id) ?? Int.max
            return (lessonRank, within, e.id)
        }
        return exercises.sorted { rank($0) < rank($1) }
    }

    static func loadExercise(id: String, folder: URL, root: URL) throws(ExerciseError) -> Exercise {
        let relative = "Exercises/\(id)/exercise.md"
        guard let source = try? String(contentsOf: folder.appendingPathComponent("exercise.md"), encoding: .utf8) else {
            throw .missingFile(path: relative, role: "task text")
        }
        let parsed = try ExerciseParser.parse(source, path: relative)
        func required(_ key: String) throws(ExerciseError) -> String {
            guard let value = parsed.fields[key]?.value, !value.isEmpty else {
                throw .malformed(path: relative, line: 1, problem: "metadata has no `\(key):` line")
            }
            return value
        }
        let declared = try required("id")
        guard declared == id else {
            throw .malformed(path: relative, line: parsed.fields["id"]!.line,
                             problem: "id '\(declared)' differs from the folder name '\(id)'; make them equal")
        }
        let files = try required("files").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for file in files where file.contains("/") || !file.hasSuffix(".swift") {
            throw .malformed(path: relative, line: parsed.fields["files"]!.line,
                             problem: "starter file '\(file)' must be a .swift file name in the exercise folder")
        }
        var timeout = Exercise.defaultTimeout
        if let text = parsed.fields["timeout"] {
            guard let value = Double(text.value), value > 0 else {
                throw .malformed(path: relative, line: text.line, problem: "timeout '\(text.value)' must be a number of seconds")
            }
            timeout = min(value, Exercise.maximumTimeout)
        }
        var memory = Exercise.defaultMemoryMegabytes
        if let text = parsed.fields["memory-mb"] {
            guard let value = Int(text.value), value >= 64 else {
                throw .malformed(path: relative, line: text.line, problem: "memory-mb '\(text.value)' must be a whole number of MiB, at least 64")
            }
            memory = value
        }
        var texts: [CourseLanguage: ExerciseText] = [.english: parsed.text]
        for language in CourseLanguage.allCases where language != .english {
            let name = "exercise\(language.fileSuffix).md"
            if let translated = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) {
                let parsedTranslation = try ExerciseParser.parse(translated, path: "Exercises/\(id)/\(name)")
                for key in ["id", "lesson", "files", "reference"] where parsedTranslation.fields[key]?.value != parsed.fields[key]?.value {
                    throw .malformed(path: "Exercises/\(id)/\(name)", line: parsedTranslation.fields[key]?.line ?? 1,
                                     problem: "`\(key):` differs from exercise.md; the translation repeats the English metadata unchanged")
                }
                texts[language] = parsedTranslation.text
            }
        }
        return Exercise(id: id, folder: folder, lesson: try required("lesson"), starterFiles: files,
                        reference: try required("reference"), timeoutSeconds: timeout,
                        memoryMegabytes: memory, texts: texts)
    }
}
