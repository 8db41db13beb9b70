import Foundation

/// What a learner has done in one course: sections read, exercises passed, hints seen.
///
/// A plain value: load it from a ``ProgressStore``, change it inside ``ProgressStore/update(_:)``.
public struct CourseProgress: Codable, Equatable, Sendable {
    /// Version of the file format, so a newer format is reported instead of misread.
    public var version: Int = CourseProgress.currentVersion
    /// Lesson id → indices of the sections read (0-based, in lesson order).
    public var sectionsRead: [String: Set<Int>] = [:]
    /// Exercise id → its record.
    public var exercises: [String: ExerciseRecord] = [:]
    /// The lesson the learner read last, to resume there.
    public var lastLesson: String?
    /// The course language the learner chose (`zh-TW`, `en`), used when no `--lang` is given.
    public var language: String?

    public static let currentVersion = 1

    public init() {}

    public mutating func markSectionRead(lesson: String, section: Int) {
        sectionsRead[lesson, default: []].insert(section)
        lastLesson = lesson
    }

    public func sectionsRead(in lesson: String) -> Set<Int> {
        sectionsRead[lesson] ?? []
    }

    /// Records a graded attempt; a pass is never undone by a later failure.
    public mutating func recordAttempt(exercise id: String, passed: Bool, score: Double, maxScore: Double, at date: Date = Date()) {
        var record = exercises[id] ?? ExerciseRecord()
        record.attempts += 1
        record.bestScore = max(record.bestScore, score)
        record.maxScore = maxScore
        record.lastAttempt = date
        if passed && record.passedAt == nil { record.passedAt = date }
        exercises[id] = record
    }

    public mutating func markExercisePassed(_ id: String, score: Double = 1, maxScore: Double = 1) {
        recordAttempt(exercise: id, passed: true, score: score, maxScore: maxScore)
    }

    public func isPassed(_ id: String) -> Bool { exercises[id]?.passedAt != nil }

    /// Counts a hint as seen and returns how many the learner has now seen.
    public mutating func revealHint(exercise id: String, available: Int) -> Int {
        var record = exercises[id] ?? ExerciseRecord()
        record.hintsShown = min(record.hintsShown + 1, available)
        exercises[id] = record
        return record.hintsShown
    }
}

/// One exercise's history.
public struct ExerciseRecord: Codable, Equatable, Sendable {
    public var attempts = 0
    public var bestScore = 0.0
    public var maxScore = 0.0
    public var passedAt: Date?
    public var lastAttempt: Date?
    public var hintsShown = 0

    public init() {}

    public var passed: Bool { passedAt != nil }
}
