import Course
import Foundation
import Progress
import Testing
@testable import Terminal

/// Notes the reader prints after links (spacing next to Chinese, paths a reader can open from
/// the course root) and the ✎ mark `llmcourse list` gives lessons whose text links exercises.
@Suite("Link notes and exercise marks")
struct LinkNotesAndExerciseMarksTests {
    func render(_ markdown: String, width: Int = 80, language: CourseLanguage = .english, path: String? = "Lessons/rag/lesson.md") -> String {
        var options = RenderOptions(width: width, language: language)
        options.documentPath = path
        return MarkdownRenderer(options: options).render(MarkdownParser.parse(markdown))
    }

    @Test func chineseNotesUseFullwidthParenthesesWithoutSpaces() {
        let zh = render("見[指令資料集](../instruction-datasets/lesson.zh-TW.md)一章。", language: .traditionalChinese)
        #expect(zh == "見指令資料集（→ llmcourse read instruction-datasets）一章。")
        let en = render("See [the datasets chapter](../instruction-datasets/lesson.md) first.")
        #expect(en == "See the datasets chapter (→ llmcourse read instruction-datasets) first.")
    }

    @Test func theTextsLanguageWinsOverTheLabels() {
        var options = RenderOptions(width: 80, language: .traditionalChinese)
        options.documentLanguage = .english  // an English lesson shown because its translation is missing
        let text = MarkdownRenderer(options: options).render(MarkdownParser.parse("Read [RAG](../rag/lesson.md) next."))
        #expect(text == "Read RAG (→ llmcourse read rag) next.")
    }

    @Test func otherFilesAreShownFromTheCourseRoot() {
        #expect(render("Listed in [the model notes](../../docs/models.md).") == "Listed in the model notes (docs/models.md).")
        #expect(render("列在[模型說明](../../docs/models.md)。", language: .traditionalChinese) == "列在模型說明（docs/models.md）。")
        #expect(render("![Loss](figures/loss.svg)", path: "Lessons/pre-training/lesson.md")
            == "[image: Loss] (Lessons/pre-training/figures/loss.svg)")
        #expect(render("[notes](../../docs/models.md)", path: nil) == "notes (../../docs/models.md)", "no document path: kept as written")
        #expect(InlineRenderer.coursePath(of: "../../../outside.md", from: "Lessons/rag/lesson.md") == "../../../outside.md")
        #expect(InlineRenderer.coursePath(of: "./a/../b.md#part", from: "Lessons/rag/lesson.md") == "Lessons/rag/b.md#part")
    }

    @Test func lessonPagesKnowWhereTheLessonLives() throws {
        let course = try CourseLoader.load(root: Fixture.directory.appendingPathComponent("linked-exercises"))
        let lesson = try #require(course.lessons["drills"]?[.english])
        let pages = LessonPages(lesson: LocalizedLesson(lesson: lesson, requested: .english, notice: nil),
                                course: course, options: RenderOptions(width: 100))
        let text = pages.all.flatMap(\.lines).map(\.text).joined(separator: " ")
        #expect(text.contains("The models are listed in the model notes (docs/models.md)."))
        #expect(text.contains("Try the first drill (→ llmcourse check first-drill), then"))
    }

    @Test func aLessonsOwnExercisesEarnTheMarkNotLinksToOthers() throws {
        let course = try CourseLoader.load(root: Fixture.directory.appendingPathComponent("linked-exercises"))
        let reading = ReadingProgress(course: course, progress: CourseProgress())
        // first-drill names the lesson (`lesson: drills`); second-drill is only linked: `list`
        // and `exercises` agree on what belongs to the lesson.
        #expect(reading.state(of: "drills")?.exercises == ["first-drill"])
        let list = RoadmapView(course: course, progress: CourseProgress(), language: .english, options: RenderOptions(width: 60)).render()
        let row = try #require(list.split(separator: "\n").first { $0.contains("drills") })
        #expect(row == "→ 1. · Drills    ✎  0/1    drills")
    }
}
