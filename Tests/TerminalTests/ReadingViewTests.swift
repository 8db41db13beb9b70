import Console
import Course
import Foundation
import Progress
@testable import Terminal
import Testing

/// The reading commands' views over a tiny fixture course (Fixtures/course): two lessons with
/// two sections each, and one roadmap entry whose lesson is not written yet.
@Suite("Reading views")
struct ReadingViewTests {
    static func course() throws -> Course {
        try CourseLoader.load(root: Fixture.directory.appendingPathComponent("course"))
    }

    func progress(_ read: [String: Set<Int>], last: String? = nil, passed: [String] = []) -> CourseProgress {
        var p = CourseProgress()
        p.sectionsRead = read
        p.lastLesson = last
        for id in passed { p.markExercisePassed(id) }
        return p
    }

    @Test func lessonStatesAndWhatComesNext() throws {
        let course = try Self.course()
        var reading = ReadingProgress(course: course, progress: progress([:]))
        #expect(reading.totalSections == 4)
        #expect(reading.state(of: "later")?.state == .unavailable)
        #expect(reading.current?.id == "first-steps")

        reading = ReadingProgress(course: course, progress: progress(["first-steps": [0]], last: "first-steps"))
        #expect(reading.state(of: "first-steps")?.state == .partlyRead)
        #expect(reading.state(of: "first-steps")?.firstUnread == 1)
        #expect(reading.current?.id == "first-steps")
        #expect(reading.nextExercise(for: reading.current!) == "first-exercise")

        reading = ReadingProgress(course: course, progress: progress(["first-steps": [0, 1, 7]], last: "first-steps",
                                                                       passed: ["first-exercise"]))
        #expect(reading.state(of: "first-steps")?.sectionsRead == 2, "indices past the end are ignored")
        #expect(reading.current?.id == "attention")
        #expect(reading.nextExercise(for: reading.current!) == nil)

        reading = ReadingProgress(course: course, progress: progress(["first-steps": [0, 1], "attention": [0, 1]], last: "attention"))
        #expect(reading.current == nil)
        #expect(reading.totalRead == 4)
    }

    @Test func statusInBothLanguages() throws {
        let course = try Self.course()
        let p = progress(["first-steps": [0]], last: "first-steps")
        let en = StatusView(course: course, progress: p, language: .english, options: RenderOptions(width: 60)).render()
        Snapshot.check(en, named: "status-en")
        #expect(en.contains("llmcourse read first-steps --section 2"))
        let zh = StatusView(course: course, progress: p, language: .traditionalChinese,
                            options: RenderOptions(width: 60, language: .traditionalChinese)).render()
        Snapshot.check(zh, named: "status-zh-TW")
        #expect(zh.contains("正在讀：第一步（1/2 節）"))
        let done = StatusView(course: course, progress: progress(["first-steps": [0, 1], "attention": [0, 1]]),
                              language: .english, options: RenderOptions(width: 60)).render()
        #expect(done.contains("You have read the whole course"))
    }

    @Test func roadmapWithMarks() throws {
        let course = try Self.course()
        let p = progress(["first-steps": [0, 1], "attention": [1]])
        let en = RoadmapView(course: course, progress: p, language: .english, options: RenderOptions(width: 70)).render()
        Snapshot.check(en, named: "list-en")
        #expect(en.contains("1. ✓ First steps"))
        #expect(en.contains("→ 2. ◐ Attention"), "the lesson to read now is pointed at")
        #expect(en.contains("1. · Later things"))
        let zh = RoadmapView(course: course, progress: p, language: .traditionalChinese,
                             options: RenderOptions(width: 70, language: .traditionalChinese)).render()
        Snapshot.check(zh, named: "list-zh-TW")
        // Titles of different display widths still line up: every lesson id starts in one column.
        let idColumns = zh.split(separator: "\n").compactMap { line -> Int? in
            guard let r = line.range(of: "first-steps") ?? line.range(of: "attention") else { return nil }
            return DisplayWidth.of(line[..<r.lowerBound])
        }
        #expect(idColumns.count == 2 && Set(idColumns).count == 1)
    }

    @Test func plainReadingPrintsEverythingAndMarksNothingRead() throws {
        let course = try Self.course()
        let shown = try course.lesson("first-steps", in: .english)
        var marked: [Int] = []
        let reader = LessonReader(
            environment: .plain(width: 60), language: .english, nextLessonID: course.lessonID(after: "first-steps"),
            layout: { width in LessonPages(lesson: shown, course: course, options: RenderOptions(width: width)) },
            markRead: { marked.append($0) }, runDemo: nil)
        let text = reader.plainText(section: nil)
        Snapshot.check(text, named: "read-first-steps-en")
        #expect(marked == [], "printing to a pipe or a file is not reading")
        #expect(text.contains("let live = 42  // from the source"), "the include shows the live source")
        #expect(!text.contains("let copy = 1"))
        #expect(text.contains("(→ llmcourse read attention)"))
        #expect(text.hasSuffix("■ End of the lesson. Next: llmcourse read attention"))
        #expect(!text.contains("\u{1B}"), "plain text has no escape codes")
        #expect(!text.contains("press r"), "no key prompts when not interactive")

        marked = []
        let one = reader.plainText(section: 0)
        #expect(marked == [])
        #expect(one.contains("Running code") && !one.contains("Reading code"))
    }

    @Test func theListKeepsEveryLessonIDWhenPrintedAndShortensTitlesFirst() throws {
        let course = try Self.course()
        let ids = ["first-steps", "attention"]
        for width in [34, 40, 60] {
            // Piped or redirected: never without the id, however narrow.
            let piped = RoadmapView(course: course, progress: CourseProgress(), language: .english,
                                    options: RenderOptions(width: width)).render()
            for id in ids { #expect(piped.contains(id), "width \(width): \(id) missing") }
        }
        // At 44 columns a shortened title leaves room for the id on a terminal too.
        let tty = RoadmapView(course: course, progress: CourseProgress(), language: .english,
                              options: RenderOptions(width: 44, interactive: true)).render()
        for id in ids { #expect(tty.contains(id)) }
        #expect(tty.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 44 })
    }

    @Test func readingALessonByNameReopensAtItsFirstUnreadSection() throws {
        let course = try Self.course()
        var progress = CourseProgress()
        progress.markSectionRead(lesson: "first-steps", section: 0)
        let reading = ReadingProgress(course: course, progress: progress)
        #expect(reading.resumePoint(lesson: "first-steps", section: nil, firstLesson: nil) == ("first-steps", 2))
        #expect(reading.resumePoint(lesson: "first-steps", section: 1, firstLesson: nil) == ("first-steps", 1), "--section wins")
        #expect(reading.resumePoint(lesson: "attention", section: nil, firstLesson: nil) == ("attention", nil), "not started: the start")
        progress.markSectionRead(lesson: "first-steps", section: 1)
        let done = ReadingProgress(course: course, progress: progress)
        #expect(done.resumePoint(lesson: "first-steps", section: nil, firstLesson: nil) == ("first-steps", nil), "all read: the start")
    }

    @Test func staleTranslationShowsItsNotice() throws {
        let course = try Self.course()
        let shown = try course.lesson("first-steps", in: .traditionalChinese)
        let pages = LessonPages(lesson: shown, course: course, options: RenderOptions(width: 40, language: .traditionalChinese))
        let text = pages.renderer.encode(pages.all.map(\.lines).joined(separator: [.empty]).map { $0 })
        Snapshot.check(text, named: "read-first-steps-zh-TW")
        #expect(text.replacingOccurrences(of: "\n", with: "").contains(shown.notice ?? "—"))
        #expect(pages.all.map(\.demoIDs) == [["hello-demo"], []])
    }
}
