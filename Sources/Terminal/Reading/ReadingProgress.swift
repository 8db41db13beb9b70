import Course
import Progress

/// How far a learner is through each lesson and the course, and what to read next.
///
/// A lesson's sections are the pages of ``LessonPages`` (a lesson without `##` sections is
/// one page), counted in the English edition: editions share their sections, so progress
/// made in one language counts in the other.
public struct ReadingProgress: Sendable {
    public enum State: Equatable, Sendable {
        case read, partlyRead, notStarted
        /// Listed in the roadmap but not written yet.
        case unavailable
    }

    public struct LessonState: Equatable, Sendable {
        public var id: String
        public var sections: Int
        public var sectionsRead: Int
        public var state: State
        /// Index (0-based) of the first section not read yet, if any.
        public var firstUnread: Int?
        public var demos: [String]
        public var exercises: [String]
    }

    public let lessons: [LessonState]
    public let progress: CourseProgress

    public init(course: Course, progress: CourseProgress) {
        self.progress = progress
        // A lesson's own exercises: those its `exercises:` metadata names and those whose
        // `lesson:` names it (what `llmcourse exercises` groups by), in the lesson's order.
        var ownExercises: [String: [String]] = [:]
        for exercise in course.exercises.values.sorted(by: { $0.id < $1.id }) {
            if let lesson = exercise.lessonID { ownExercises[lesson, default: []].append(exercise.id) }
        }
        lessons = course.lessonIDs.map { id in
            let lesson = course.lessons[id]?[.english] ?? course.lessons[id]?.values.first
            let count = lesson.map { max($0.sections.count, 1) } ?? 0
            let read = progress.sectionsRead(in: id).filter { $0 >= 0 && $0 < count }
            let state: State = count == 0 ? .unavailable
                : read.count >= count ? .read : read.isEmpty ? .notStarted : .partlyRead
            let demos = (lesson?.metadata?.demos ?? []) + (lesson?.runSteps.map(\.demoID) ?? [])
            let named = lesson?.metadata?.exercises ?? []
            let own = ownExercises[id] ?? []
            let exercises = named + own.filter { !named.contains($0) }
            return LessonState(id: id, sections: count, sectionsRead: read.count, state: state,
                               firstUnread: (0..<count).first { !read.contains($0) },
                               demos: Array(Set(demos)).sorted(),
                               // Links to other lessons' exercises do not make them this lesson's.
                               exercises: exercises)
        }
    }

    public func state(of id: String) -> LessonState? { lessons.first { $0.id == id } }

    public var totalSections: Int { lessons.reduce(0) { $0 + $1.sections } }
    public var totalRead: Int { lessons.reduce(0) { $0 + $1.sectionsRead } }

    /// The lesson to read now: the last one opened if unfinished, else the next unfinished one
    /// after it (wrapping round to the start), else nil when everything is read.
    public var current: LessonState? {
        let available = lessons.filter { $0.state != .unavailable }
        if let last = progress.lastLesson, let s = state(of: last), s.state == .partlyRead || s.state == .notStarted {
            return s
        }
        let start = progress.lastLesson.flatMap { id in available.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        let ordered = Array(available[min(start, available.count)...]) + Array(available[..<min(start, available.count)])
        return ordered.first { $0.state != .read }
    }

    /// Where `llmcourse read` opens: the lesson named, or else the current one (see ``current``,
    /// falling back to the first lesson), at `section` when one is asked for (1-based), else at
    /// the lesson's first unread section once some of it has been read (nil: the start).
    public func resumePoint(lesson named: String?, section: Int?, firstLesson: String?) -> (lesson: String, section: Int?) {
        let lesson = named ?? current?.id ?? firstLesson ?? ""
        if section == nil, let state = state(of: lesson), state.sectionsRead > 0, let unread = state.firstUnread { return (lesson, unread + 1) }
        return (lesson, section)
    }

    /// The lesson after `id` that exists, in reading order.
    public func lesson(after id: String) -> LessonState? {
        guard let i = lessons.firstIndex(where: { $0.id == id }) else { return nil }
        return lessons[(i + 1)...].first { $0.state != .unavailable }
    }

    /// The first exercise not passed yet: in the current lesson, else in any lesson before it.
    public func nextExercise(for lesson: LessonState) -> String? {
        if let own = lesson.exercises.first(where: { !progress.isPassed($0) }) { return own }
        guard let i = lessons.firstIndex(where: { $0.id == lesson.id }) else { return nil }
        return lessons[..<i].flatMap(\.exercises).first { !progress.isPassed($0) }
    }
}
