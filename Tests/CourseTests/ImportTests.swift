import Foundation
import Testing
@testable import Course

@Suite struct ImportTests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: FixturePaths.fixtures.appendingPathComponent("import/\(name)"), encoding: .utf8)
    }

    @Test func englishConventions() throws {
        let roadmap = try UpstreamRoadmapParser.parse(Self.fixture("upstream-en.md"), path: "upstream-en.md")
        #expect(roadmap.title == "The Open Model Course")
        #expect(roadmap.language == .english)
        #expect(roadmap.summary == "3 parts, 7 chapters, 14 topics, 8 references, 3 notebooks")
        #expect(roadmap.parts.map(\.title) == ["Foundations", "The Model Builder", "The App Builder"])
        #expect(roadmap.notebooks.map(\.title) == ["Auto Evaluator", "Family Tree", "Tune a small model"])
        #expect(roadmap.notebooks[2].url == "https://example.org/article")

        let maths = roadmap.parts[0].chapters[0]
        #expect(maths.number == 1)
        #expect(maths.id == "maths-for-machine-learning")
        #expect(maths.topics.map(\.name) == ["Linear algebra", "Calculus", "Probability and statistics"])
        // Text after the name is copied as written (`_likelihood_` stays as the README has it).
        #expect(maths.topics[2].text == "Distributions, expectations and _likelihood_ explain the loss.")
        // "📚 **References**:" paragraph, `*` markers, ": " and " - " notes.
        #expect(maths.references.map(\.url) == ["https://example.org/visual-la", "https://example.org/calculus", "https://example.org/probability"])
        #expect(maths.references[1].note == "Worked problems with solutions.")

        let programming = roadmap.parts[0].chapters[1]
        // `**Name:** text` and a relative link reduced to its text; `#### 📚 Resources:` heading.
        #expect(programming.topics.map(\.name) == ["Basics", "Data handling", "Libraries"])
        #expect(programming.topics[2].text == "See the setup notebook for the versions we use.")
        #expect(programming.references.map(\.title) == ["Language Tour", "Data Wrangling Handbook"])

        // A chapter heading swallowed by a `<details>` HTML block is still found.
        let builder = roadmap.parts[1]
        #expect(builder.chapters.map(\.id) == ["the-transformer-architecture", "preference-alignment", "quantization"])
        #expect(builder.introduction == ["This part is for people who want to build the best models."])
        // `**[DPO](url)** text` without a colon; a reference nested under a topic.
        let alignment = builder.chapters[1]
        #expect(alignment.topics[0].name == "DPO")
        #expect(alignment.topics[0].references.map(\.url) == ["https://example.org/dpo-paper"])
        #expect(alignment.topics[1].references.map(\.title) == ["Reward Models Explained"])
        // `+` markers; a chapter with no topics.
        #expect(roadmap.parts[2].chapters[0].topics.map(\.name) == ["APIs", "Local runs"])
        #expect(roadmap.parts[2].chapters[1].topics.isEmpty)
    }

    @Test func traditionalChineseConventions() throws {
        let roadmap = try UpstreamRoadmapParser.parse(Self.fixture("upstream-zh-TW.md"), path: "upstream-zh-TW.md")
        #expect(roadmap.title == "開放模型課程（繁體中文版）")
        #expect(roadmap.language == .traditionalChinese)
        #expect(roadmap.summary == "3 parts, 5 chapters, 9 topics, 8 references, 1 notebook")
        #expect(roadmap.parts.map(\.title) == ["LLM 基礎", "LLM 模型工程", "LLM 應用工程"])
        let maths = roadmap.parts[0].chapters[0]
        #expect(maths.id == "part-1-chapter-1")
        #expect(maths.title == "機器學習的數學")
        // Full-width colons, references nested under each topic, a "📚 參考文獻：" header.
        #expect(maths.topics.map(\.name) == ["線性代數", "微積分", "機率與統計"])
        #expect(maths.topics[0].text == "向量與矩陣的乘法就是每一層網路在做的事。")
        #expect(maths.topics[0].references.map(\.title) == ["圖解線性代數", "線性代數講義"])
        #expect(maths.topics[0].references[0].note == "每個概念都畫成動畫的影片系列。")
        #expect(maths.references.map(\.title) == ["機率筆記"])
        // `####  📚 資源` heading and `*` markers.
        #expect(roadmap.parts[1].chapters[0].references.map(\.title) == ["注意力機制論文導讀"])
        #expect(roadmap.parts[0].chapters[1].topics[0].references.map(\.title) == ["語言導覽"])
    }

    @Test(arguments: ["upstream-en.md", "upstream-zh-TW.md"])
    func importedCoursePassesLint(fixture: String) throws {
        let out = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let roadmap = try CourseImporter.importRoadmap(from: FixturePaths.fixtures.appendingPathComponent("import/\(fixture)"), to: out).roadmap
        // The only problems are the translations still to write: one per lesson, nothing else.
        let report = Linter(knownDemoIDs: []).lint(root: out)
        #expect(report.problems.count == roadmap.chapterCount)
        #expect(report.problems.allSatisfy { $0.description.contains("translation has no `source-hash`") })
        let course = try CourseLoader.load(root: out)
        #expect(course.lessonIDs.count == roadmap.chapterCount)
        #expect(course.roadmap(in: .traditionalChinese).lessonIDs == course.lessonIDs)
        let first = try course.lesson(course.lessonIDs[0], in: roadmap.language).lesson
        #expect(first.sections.map(\.title).prefix(1) == [roadmap.parts[0].chapters[0].topics[0].name])
        #expect(first.references.count == roadmap.parts[0].chapters[0].references.count
                + roadmap.parts[0].chapters[0].topics.reduce(0) { $0 + $1.references.count })
        // A second import into the same folder is refused, not merged.
        #expect(throws: ImportError.outputExists(path: out.path)) {
            try CourseImporter.importRoadmap(from: FixturePaths.fixtures.appendingPathComponent("import/\(fixture)"), to: out)
        }
    }

    @Test func writtenLessonText() throws {
        let roadmap = try UpstreamRoadmapParser.parse(Self.fixture("upstream-en.md"), path: "upstream-en.md")
        let files = CourseSkeletonWriter.files(for: ImportedCourse(roadmap: roadmap, sourceName: "README.md"))
        let lesson = try #require(files.first { $0.path == "Lessons/preference-alignment/lesson.md" })
        #expect(lesson.text == """
        <!-- lesson
        id: preference-alignment
        -->

        # Preference Alignment

        ## DPO

        Trains directly on preferred and rejected answers, no reward model.

        - [DPO](https://example.org/dpo-paper)

        ## Reward modelling

        Learn a scorer from human comparisons.

        * [Reward Models Explained](https://example.org/reward)


        """)
        #expect(files.count == 3 + 2 * 7)
    }

    @Test(arguments: [
        ("not-a-roadmap.md", ImportError.Reason.noParts),
        ("parts-without-chapters.md", .noChapters),
    ])
    func unknownInputIsAClearError(fixture: String, reason: ImportError.Reason) throws {
        #expect(throws: ImportError.notARoadmap(path: fixture, reason: reason)) {
            try UpstreamRoadmapParser.parse(Self.fixture(fixture), path: fixture)
        }
    }

    @Test func odditiesNeverCrash() {
        for text in ["", "\u{0}", "##", "## 🧩\n### 1.", "### 1. Orphan chapter\n- **T**: x", "<details>\n<summary>x</summary>\n</details>",
                     "## P\n### 1. C\n- **", "## P\n### 1. C\n| a |\n|---|\n| <b>x</b> |"] {
            _ = try? UpstreamRoadmapParser.parse(text, path: "x.md")
        }
        #expect(throws: ImportError.notARoadmap(path: "x.md", reason: .empty)) {
            try UpstreamRoadmapParser.parse("  \n", path: "x.md")
        }
    }
}
