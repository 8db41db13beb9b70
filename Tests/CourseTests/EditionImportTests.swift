import Foundation
import Testing
@testable import Course

/// Ids and editions: one bilingual course from the English README and its Chinese fork,
/// stable ids the author can choose, and translations that lint reports until translated.
@Suite struct EditionImportTests {
    @Test func idsComeFromEnglishTitlesCutAtWords() throws {
        let roadmap = try ImportFixtures.parse("roadmap-en.md")
        #expect(roadmap.parts.flatMap(\.chapters).map(\.id)
                == ["mathematics-for-machine-learning", "quantization", "part-2-chapter-1", "fine-tuning-large-language-models"])
        // An emoji-only title keeps its emoji rather than becoming an empty heading.
        #expect(roadmap.parts[1].chapters[0].title == "🚀")
        let lesson = try #require(try ImportFixtures.files("roadmap-en.md")["Lessons/part-2-chapter-1/lesson.md"])
        #expect(lesson.contains("\n# 🚀\n"))
        #expect(ChapterIDs.derived("🧠 Attention Is All You Need", part: 1, chapter: 1) == "attention-is-all-you-need")
        #expect(ChapterIDs.cut("retrieval-augmented-generation-for-knowledge-intensive-tasks") == "retrieval-augmented-generation")
        #expect(ChapterIDs.cut(String(repeating: "x", count: 50)).count == 40)
    }

    @Test func bothEditionsMakeOneBilingualCourse() throws {
        let (course, out) = try ImportFixtures.importCourse("roadmap-en.md", translation: "roadmap-zh-TW.md")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(course.translation?.parts.flatMap(\.chapters).map(\.id) == course.roadmap.parts.flatMap(\.chapters).map(\.id))
        #expect(course.untranslatedCount == 0)
        let report = Linter(knownDemoIDs: []).lint(root: out)
        #expect(report.problems.map(\.description) == [])
        let loaded = try CourseLoader.load(root: out)
        #expect(loaded.translationStatus("mathematics-for-machine-learning", .traditionalChinese) == .upToDate)
        let zh = ImportFixtures.read(out, "Lessons/mathematics-for-machine-learning/lesson.zh-TW.md")
        #expect(zh.contains("# 機器學習的數學\n\n## 線性代數\n\n向量與矩陣描述每一層。"))
        #expect(zh.contains("* [線性代數圖解](https://example.org/la-pictures) 作者 Ada Example：把每個概念畫出來的影片系列。"))
        let roadmap = ImportFixtures.read(out, "Lessons/roadmap.zh-TW.md")
        #expect(roadmap.contains("## 第一部分：LLM 基礎"))
        #expect(roadmap.contains("從 `roadmap-zh-TW.md` 匯入"))
        #expect(ImportFixtures.read(out, "Lessons/roadmap.md").contains("imported from `roadmap-en.md`"))
        #expect(roadmap.contains("1. [機器學習的數學](mathematics-for-machine-learning/lesson.zh-TW.md)"))
        #expect(roadmap.contains("[筆記本](notebooks.zh-TW.md)"))
        #expect(ImportFixtures.read(out, "Lessons/notebooks.zh-TW.md").contains("[在 Colab 開啟](https://colab.example.org/judge)"))
    }

    @Test func anIDsFileChoosesIDsForBothEditions() throws {
        let (course, out) = try ImportFixtures.importCourse("roadmap-en.md", translation: "roadmap-zh-TW.md", ids: "ids.txt")
        defer { try? FileManager.default.removeItem(at: out) }
        let ids = ["math-for-ml", "quantization", "speed", "fine-tuning-large-language-models"]
        #expect(course.roadmap.parts.flatMap(\.chapters).map(\.id) == ids)
        #expect(course.translation?.parts.flatMap(\.chapters).map(\.id) == ids)
        #expect(try CourseLoader.load(root: out).lessonIDs == ids)

        var roadmap = try ImportFixtures.parse("roadmap-en.md")
        #expect(throws: ImportError.badIDLine(path: "ids", line: 2, text: "9.9 nowhere")) {
            try ChapterIDs.apply(mapping: "1.1 maths\n9.9 nowhere", path: "ids", to: &roadmap)
        }
        #expect(throws: ImportError.badIDLine(path: "ids", line: 1, text: "1.1 Not_An_Id")) {
            try ChapterIDs.apply(mapping: "1.1 Not_An_Id", path: "ids", to: &roadmap)
        }
        #expect(throws: ImportError.duplicateID(id: "quantization")) {
            try ChapterIDs.apply(mapping: "1.1 quantization", path: "ids", to: &roadmap)
        }
    }

    @Test func anEnglishImportLeavesTranslationsForLintToList() throws {
        let (course, out) = try ImportFixtures.importCourse("roadmap-en.md")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(course.untranslatedCount == 4)
        let loaded = try CourseLoader.load(root: out)
        for id in loaded.lessonIDs {
            #expect(loaded.translationStatus(id, .traditionalChinese) == .unmarked)
        }
        let problems = Linter(knownDemoIDs: []).lint(root: out).problems
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.path.hasSuffix("lesson.zh-TW.md") && $0.description.contains("no `source-hash`") })
        // Marking a lesson translated works on the written file.
        try TranslationMarker.markTranslated("quantization", root: out)
        #expect(Linter(knownDemoIDs: []).lint(root: out).problems.count == 3)
    }

    @Test func aChineseImportKeepsChineseOutOfTheEnglishLessons() throws {
        let (course, out) = try ImportFixtures.importCourse("roadmap-zh-TW.md")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(course.roadmap.parts.flatMap(\.chapters).map(\.id)
                == ["part-1-chapter-1", "part-1-chapter-2", "part-2-chapter-1", "part-2-chapter-2"])
        let english = ImportFixtures.read(out, "Lessons/part-1-chapter-1/lesson.md")
        #expect(english.contains("<!-- untranslated\nnote: imported from a Traditional Chinese README."))
        #expect(!english.contains("向量與矩陣描述每一層"))
        #expect(ImportFixtures.read(out, "Lessons/part-1-chapter-1/lesson.zh-TW.md").contains("向量與矩陣描述每一層"))
        let problems = Linter(knownDemoIDs: []).lint(root: out).problems
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.description.contains("no `source-hash`") })
        // The editions must come in the right order.
        let swapped = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: swapped) }
        #expect(throws: ImportError.translationLanguage(path: ImportFixtures.url("roadmap-zh-TW.md").path, expected: .english)) {
            try CourseImporter.importRoadmap(from: ImportFixtures.url("roadmap-zh-TW.md"),
                                             translation: ImportFixtures.url("roadmap-en.md"), to: swapped)
        }
    }
}

extension EditionImportTests {
    /// Editions that do not line up: the English chapter without a partner gets an unmarked
    /// English copy, the Chinese chapter without one is reported, and ids still come from English.
    @Test func unpairedChaptersAreReportedOrLeftUntranslated() throws {
        let english = try UpstreamRoadmapParser.parse("""
            # Course
            ## Part 1: Basics
            ### 1. Tokens
            - **Splitting**: Cutting text into pieces.
            ### 2. Embeddings
            - **Vectors**: Pieces become numbers.
            """, path: "en.md")
        let chinese = try UpstreamRoadmapParser.parse("""
            # 課程
            ## 第一部分：基礎
            ### 1. 詞元
            - **切分**：把文字切成小塊。
            ## 第二部分：進階
            ### 1. 多出來的一章
            - **主題**：英文版沒有這一章。
            """, path: "zh.md")
        var course = ImportedCourse(roadmap: english, translation: chinese, sourceName: "en.md", translationPath: "zh.md")
        course.pairTranslation()
        #expect(course.translation?.parts[0].chapters.map(\.id) == ["tokens"])
        #expect(course.untranslatedCount == 1)
        #expect(course.skipped.map(\.description) == [
            "zh.md:6: chapter `多出來的一章`: the English README has no chapter 1 in part 2 to pair it with",
        ])
        let files = Dictionary(CourseSkeletonWriter.files(for: course).map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        #expect(files["Lessons/tokens/lesson.zh-TW.md"]?.hasPrefix("<!-- translation\nsource-hash: ") == true)
        #expect(files["Lessons/embeddings/lesson.zh-TW.md"]?.hasPrefix("<!-- translation -->\n\n<!-- untranslated\n") == true)
        #expect(files["Lessons/roadmap.zh-TW.md"]?.contains("1. [詞元](tokens/lesson.zh-TW.md)\n2. [Embeddings](embeddings/lesson.zh-TW.md)\n") == true)
    }
}

extension EditionImportTests {
    /// A fork made from an older README may hold another chapter at the same position: when
    /// the paired chapters' sections differ, the Chinese text is kept but not marked current.
    @Test func pairsWhoseSectionsDifferAreLeftForLintToList() throws {
        let english = try UpstreamRoadmapParser.parse("""
            # Course
            ## Part 1: Basics
            ### 1. Pre-Training
            - **Data**: Collecting text.
            - **Scale**: Many machines.
            """, path: "en.md")
        let chinese = try UpstreamRoadmapParser.parse("""
            # 課程
            ## 第一部分：基礎
            ### 1. 指令資料集
            - **格式**：問與答。
            """, path: "zh.md")
        var course = ImportedCourse(roadmap: english, translation: chinese, sourceName: "en.md", translationPath: "zh.md")
        course.pairTranslation()
        #expect(course.unchecked == ["pre-training"])
        #expect(course.untranslatedCount == 1)
        #expect(course.skipped.map(\.description) == [
            "zh.md:3: chapter `指令資料集`, paired with `Pre-Training`: 1 sections against 2 in English: check that the two pair up; written without a source-hash, so lint lists it",
        ])
        let files = Dictionary(CourseSkeletonWriter.files(for: course).map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        let zh = try #require(files["Lessons/pre-training/lesson.zh-TW.md"])
        #expect(zh.hasPrefix("<!-- translation -->\n\n<!-- untranslated\nnote: the Traditional Chinese README's chapter at this position"))
        #expect(zh.contains("## 格式\n\n問與答。"))
    }
}
