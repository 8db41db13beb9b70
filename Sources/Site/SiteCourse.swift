import Course
import Foundation

/// The course model (``Course``, read once by ``CourseLoader``) as the site walks it: pages for
/// lessons and exercises that have an English file, the reading order, titles per edition.
/// Nothing here reads a file or parses Markdown.
struct SiteCourse {
    let course: Course

    init(_ course: Course) {
        self.course = course
    }

    var root: URL { course.root }

    /// The English roadmap's parts: the site's structure (editions share it).
    var parts: [RoadmapPart] { course.roadmap.parts }

    func courseTitle(_ lang: CourseLanguage) -> String {
        course.roadmaps[CourseLanguage(lang)]?.title ?? course.roadmap.title
    }

    /// Part `index` of the English roadmap, titled in `lang` when that roadmap has it.
    func partTitle(_ index: Int, _ lang: CourseLanguage) -> String {
        let translated = course.roadmaps[CourseLanguage(lang)]?.parts
        if let translated, index < translated.count { return translated[index].title }
        return parts[index].title
    }

    /// The roadmap's link text for a lesson in `lang`, if that roadmap lists it.
    func roadmapTitle(_ lessonID: String, _ lang: CourseLanguage) -> String? {
        course.roadmaps[CourseLanguage(lang)]?.entry(lessonID)?.title
    }

    /// A lesson page exists when the lesson has an English `lesson.md`.
    func hasLesson(_ id: String) -> Bool { course.lessons[id]?[.english] != nil }

    func hasExercise(_ id: String) -> Bool { course.exercises[id]?.english != nil }

    var lessonIDs: [String] { course.lessons.keys.filter(hasLesson).sorted() }

    var exerciseIDs: [String] { course.exercises.keys.filter(hasExercise).sorted() }

    /// The edition of a lesson to show in `lang`, falling back to English; `translated` says which.
    func lesson(_ id: String, _ lang: CourseLanguage) -> (lesson: Lesson, translated: Bool) {
        let editions = course.lessons[id]!
        if let own = editions[CourseLanguage(lang)] { return (own, true) }
        return (editions[.english]!, lang == .english)
    }

    func exercise(_ id: String, _ lang: CourseLanguage) -> (exercise: ExerciseEdition, translated: Bool) {
        let editions = course.exercises[id]!.editions
        if let own = editions[CourseLanguage(lang)] { return (own, true) }
        return (editions[.english]!, lang == .english)
    }

    /// Whether the edition in `lang` records a `source-hash` that no longer matches the English
    /// file: the translation lags behind.
    func isStale(lesson id: String, _ lang: CourseLanguage) -> Bool {
        if case .stale = course.translationStatus(id, CourseLanguage(lang)) { return true }
        return false
    }

    /// The exercises a lesson lists in its `exercises:` metadata (English edition).
    func exercises(ofLesson id: String) -> [String] {
        course.lessons[id]?[.english]?.metadata?.exercises ?? []
    }

    /// Lesson ids in reading order (chapters, each followed by its sub-lessons), existing only.
    var lessonOrder: [String] {
        var seen = Set<String>()
        return course.lessonIDs.filter { hasLesson($0) && seen.insert($0).inserted }
    }

    /// Exercise ids in reading order: by lesson (as each lesson lists them), then the rest by id.
    var exerciseOrder: [String] {
        var seen = Set<String>()
        var order: [String] = []
        for id in lessonOrder {
            for ex in exercises(ofLesson: id) where hasExercise(ex) && seen.insert(ex).inserted {
                order.append(ex)
            }
        }
        return order + exerciseIDs.filter { !seen.contains($0) }
    }

    /// The lesson an exercise belongs to: its own `lesson:` metadata, else the lesson listing it.
    func lessonOf(exercise id: String) -> String? {
        if let l = course.exercises[id]?.lessonID, hasLesson(l) { return l }
        return lessonOrder.first { exercises(ofLesson: $0).contains(id) }
    }
}

extension CourseLanguage {
    /// The course edition a site edition shows.
    init(_ lang: CourseLanguage) {
        switch lang {
        case .english: self = .english
        case .traditionalChinese: self = .traditionalChinese
        }
    }
}
