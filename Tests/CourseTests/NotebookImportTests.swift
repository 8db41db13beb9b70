import Foundation
import Testing
@testable import Course

/// The notebooks section is a list of notebooks, not a part of lessons: its `### Tools`
/// headings group rows, and every row keeps its links, the HTML Colab badge included.
@Suite struct NotebookImportTests {
    @Test func notebooksAreAListNotAPartOrLessons() throws {
        let roadmap = try ImportFixtures.parse("roadmap-en.md")
        #expect(roadmap.parts.map(\.title) == ["Part 1: The LLM Fundamentals", "Part 2: The LLM Scientist"])
        // The notebooks' "Quantization" group takes no id, so the real chapter keeps its own.
        #expect(roadmap.parts[0].chapters.map(\.id) == ["mathematics-for-machine-learning", "quantization"])
        #expect(roadmap.notebooks.map(\.group) == ["Tools", "Tools", "Quantization"])
        #expect(roadmap.notebooksIntroduction == ["Notebooks that go with the course."])

        let (course, out) = try ImportFixtures.importCourse("roadmap-en.md")
        defer { try? FileManager.default.removeItem(at: out) }
        let loaded = try CourseLoader.load(root: out)
        #expect(loaded.lessonIDs.first == "mathematics-for-machine-learning")
        #expect(loaded.lessonIDs.count == course.roadmap.chapterCount)
        #expect(ImportFixtures.read(out, "Lessons/roadmap.md").contains("[Notebooks](notebooks.md)"))
        #expect(ImportFixtures.read(out, "Lessons/roadmap.zh-TW.md").contains("[筆記本](notebooks.md)"))
    }

    @Test func everyRowKeepsItsArticleAndColabLinks() throws {
        let roadmap = try ImportFixtures.parse("roadmap-en.md")
        #expect(roadmap.notebooks.map(\.title) == ["Auto Judge", "Lazy Merge", "Rounding Weights"])
        #expect(roadmap.notebooks.map { $0.links.map(\.url) } == [
            ["https://example.org/auto-judge", "https://colab.example.org/judge"],
            ["https://colab.example.org/merge"],
            ["https://example.org/rounding", "https://colab.example.org/rounding"],
        ])
        let page = try #require(try ImportFixtures.files("roadmap-en.md")["Lessons/notebooks.md"])
        #expect(page.contains("## Tools\n\n| Notebook | Description | Links |\n|---|---|---|\n"))
        #expect(page.contains("| 🥱 Lazy Merge | Merges two models in one click. | [Open In Colab](https://colab.example.org/merge) |"))
        #expect(page.contains("| Rounding Weights | An introduction to 8-bit rounding. | [Article](https://example.org/rounding) · [Open In Colab](https://colab.example.org/rounding) |"))
    }

    @Test func badgeCellsBecomeLinks() {
        let cell: [Inline] = [.html("<a href=\"https://colab.example.org/x\">"),
                              .html("<img src=\"https://colab.example.org/colab-badge.svg\" alt=\"Open In Colab\">"), .html("</a>")]
        let (markdown, links) = NotebookRows.cell(cell)
        #expect(markdown == "[Open In Colab](https://colab.example.org/x)")
        #expect(links.map(\.url) == ["https://colab.example.org/x"])
        #expect(NotebookRows.attribute("href", in: "<a class='b' href='u v'>") == "u v")
    }
}
