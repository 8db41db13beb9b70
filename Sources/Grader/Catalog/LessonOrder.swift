import Course
import Foundation

/// The order of lessons and of each lesson's exercises, read cheaply: the roadmap is parsed,
/// but of each lesson only the `exercises:` line of its metadata comment is read, so
/// `llmcourse check` does not pay for parsing every lesson.
struct LessonOrder {
    var lessons: [String] = []
    var exercises: [String: [String]] = [:]

    static func read(root: URL) -> LessonOrder {
        var order = LessonOrder()
        guard let roadmap = try? String(contentsOf: root.appendingPathComponent(CourseLoader.roadmapPath), encoding: .utf8) else {
            return order
        }
        order.lessons = RoadmapParser.parse(roadmap, language: .english, path: CourseLoader.roadmapPath).lessonIDs
        for lesson in order.lessons {
            let file = root.appendingPathComponent("Lessons/\(lesson)/lesson.md")
            guard let handle = try? FileHandle(forReadingFrom: file) else { continue }
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            guard let line = head.split(separator: "\n").prefix(while: { !$0.contains("-->") })
                .first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("exercises:") }) else { continue }
            let value = line.split(separator: ":", maxSplits: 1).last ?? ""
            order.exercises[lesson] = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return order
    }
}
