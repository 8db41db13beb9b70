import Console
import Course
import Foundation
@testable import Terminal
import Testing

/// Every lesson of the real course, in both languages, laid out at a narrow and a usual width:
/// no line may be wider than the room, plain text must carry no escape codes, and no line may
/// start with closing CJK punctuation (outside code, where the text is shown as written).
@Suite("Real lessons render within bounds")
struct RealLessonsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [40, 80])
    func everyLessonFits(width: Int) throws {
        let course = try CourseLoader.load(root: Self.root)
        var checked = 0
        for id in course.lessonIDs {
            for language in CourseLanguage.allCases {
                guard let lesson = course.lessons[id]?[language] else { continue }
                let shown = LocalizedLesson(lesson: lesson, requested: language, notice: nil)
                let pages = LessonPages(lesson: shown, course: course, options: RenderOptions(width: width))
                for line in pages.all.flatMap(\.lines) {
                    #expect(line.width <= width, "\(lesson.path) at \(width): \(line.text)")
                    #expect(DisplayWidth.of(line.text) == line.width, "\(lesson.path): width bookkeeping for \(line.text)")
                    let text = line.text
                    #expect(!text.contains("\u{1B}"), "\(lesson.path): escape code in plain text")
                    let isCode = text.hasPrefix("    ") || text.hasPrefix("  ↪ ") || text.hasPrefix("│") || text.hasPrefix("┌")
                    if !isCode, let first = text.first {
                        #expect(!"，。、；：？！」』）》".contains(first), "\(lesson.path) at \(width): line starts with \(first): \(text)")
                    }
                }
                checked += 1
            }
        }
        #expect(checked >= 2, "the course has lessons to check")
    }
}
