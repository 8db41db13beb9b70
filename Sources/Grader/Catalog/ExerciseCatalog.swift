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
        let folder = root.appendingPathComponent(CourseLoader.exercisesFolder)
        var found: [Exercise] = []
        var problems: [ExerciseError] = []
        for name in CourseLoader.exerciseFolders(root: root) {
            do {
                found.append(try loadExercise(id: name, folder: folder.appendingPathComponent(name), root: root))
            } catch {
                problems.append(error)
            }
        }
        return catalog(root: root, found, problems, lessonOrder: lessonOrder, lessonExercises: lessonExercises)
    }

    /// Loads the catalog in course order. A folder without a roadmap (a grading machine that
    /// holds only exercises) gives the exercises by id.
    public static func load(courseRoot root: URL) throws(ExerciseError) -> ExerciseCatalog {
        guard let outline = try? CourseLoader.loadOutline(root: root) else { return try load(root: root) }
        return try load(outline: outline)
    }

    /// Loads the catalog from the course's outline (order and metadata, no lesson parsed).
    public static func load(outline: CourseOutline) throws(ExerciseError) -> ExerciseCatalog {
        try load(root: outline.root, exercises: outline.exercises, lessonOrder: outline.lessonIDs,
                 lessonExercises: outline.lessonMetadata.mapValues(\.exercises))
    }

    /// Loads the catalog from a loaded course's exercises, in its order.
    public static func load(course: Course) throws(ExerciseError) -> ExerciseCatalog {
        var perLesson: [String: [String]] = [:]
        for (id, editions) in course.lessons {
            perLesson[id] = editions[.english]?.metadata?.exercises ?? []
        }
        return try load(root: course.root, exercises: course.exercises, lessonOrder: course.lessonIDs, lessonExercises: perLesson)
    }

    private static func load(root: URL, exercises: [String: CourseExercise], lessonOrder: [String],
                             lessonExercises: [String: [String]]) throws(ExerciseError) -> ExerciseCatalog {
        let folder = root.appendingPathComponent(CourseLoader.exercisesFolder)
        var found: [Exercise] = []
        var problems: [ExerciseError] = []
        for (id, source) in exercises.sorted(by: { $0.key < $1.key }) {
            do {
                found.append(try Exercise(source, folder: folder.appendingPathComponent(id)))
            } catch {
                problems.append(error)
            }
        }
        return catalog(root: root, found, problems, lessonOrder: lessonOrder, lessonExercises: lessonExercises)
    }

    private static func catalog(root: URL, _ found: [Exercise], _ problems: [ExerciseError],
                                lessonOrder: [String], lessonExercises: [String: [String]]) -> ExerciseCatalog {
        var catalog = ExerciseCatalog(root: root, exercises: order(found, lessonOrder: lessonOrder, lessonExercises: lessonExercises))
        catalog.problems = problems
        return catalog
    }

    static func order(_ exercises: [Exercise], lessonOrder: [String], lessonExercises: [String: [String]]) -> [Exercise] {
        func rank(_ e: Exercise) -> (Int, Int, String) {
            let lessonRank = lessonOrder.firstIndex(of: e.lesson) ?? Int.max
            let within = lessonExercises[e.lesson]?.firstIndex(of: e.id) ?? Int.max
            return (lessonRank, within, e.id)
        }
        return exercises.sorted { rank($0) < rank($1) }
    }

    /// One exercise folder, read by the course model and checked for what grading needs.
    static func loadExercise(id: String, folder: URL, root: URL) throws(ExerciseError) -> Exercise {
        let loaded: CourseExercise?
        do {
            loaded = try CourseLoader.loadExercise(id: id, root: root)
        } catch {
            throw .missingFile(path: "Exercises/\(id)/exercise.md", role: "task text")
        }
        guard let loaded else { throw .missingFile(path: "Exercises/\(id)/exercise.md", role: "task text") }
        return try Exercise(loaded, folder: folder)
    }

    /// The first format problem of an edition (in file order) as the grader reports it.
    static func validate(_ edition: ExerciseEdition) throws(ExerciseError) {
        if let problem = edition.diagnostics.min() {
            throw .malformed(path: problem.path, line: problem.line, problem: problem.message)
        }
    }
}
