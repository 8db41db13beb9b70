import Console
import Course
import Foundation
@testable import Grader
import Progress
import Testing

/// The exercise commands' own words in Traditional Chinese: the list, hints, the solution
/// header, reset's lines, watch's status line and the errors with their fixes.
@Suite("Exercise commands in both languages")
struct LocalizedExerciseTextTests {
    /// A course folder with the probe exercise (no course library needed: nothing is graded).
    struct Folder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("l10n-\(UUID().uuidString)")
        let catalog: ExerciseCatalog
        let exercise: Exercise

        init() throws {
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("Exercises"), withIntermediateDirectories: true)
            try fm.copyItem(at: ProbeCourse.fixtures.appendingPathComponent("probe"), to: root.appendingPathComponent("Exercises/probe"))
            try fm.createDirectory(at: root.appendingPathComponent("Sources"), withIntermediateDirectories: true)
            try "// ANCHOR: answer\nfunc answer() -> Int { 42 }\n// ANCHOR_END: answer\n"
                .write(to: root.appendingPathComponent("Sources/Probe.swift"), atomically: true, encoding: .utf8)
            catalog = try ExerciseCatalog.load(root: root)
            exercise = try catalog.exercise("probe")
        }

        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    static let plain = Palette(color: false, width: 80)

    @Test func theExerciseListIsChineseAndFitsTheWidth() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        var progress = CourseProgress()
        progress.recordAttempt(exercise: "probe", passed: false, score: 1, maxScore: 3)
        let zh = ExerciseOverview(catalog: folder.catalog, progress: progress, language: .traditionalChinese)
        let text = zh.render(style: Self.plain)
        #expect(text.contains("… probe  探針 1/3  ← 下一題"))
        #expect(text.contains("1 題中已通過 0 題。"))
        #expect(text.contains("下一步：llmcourse check probe（或執行 llmcourse watch，每次存檔都會自動重新檢查）"))
        let en = ExerciseOverview(catalog: folder.catalog, progress: progress, language: .english).render(style: Self.plain)
        #expect(en.contains("0 of 1 passed."))
        #expect(en.contains("← next"))

        // A narrow terminal: the Chinese line is cut by columns, so the marker still fits.
        let narrow = Palette(color: false, width: 40)
        var long = folder.catalog
        long.exercises[0].texts[.traditionalChinese]?.title = "一個非常非常長的練習標題，長到放不進一行"
        let lines = ExerciseOverview(catalog: long, progress: progress, language: .traditionalChinese).render(style: narrow)
            .split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.contains("probe") })
        #expect(row.hasSuffix("← 下一題"))
        #expect(Palette.columns(of: row) <= 40, "\(row) takes \(Palette.columns(of: row)) columns")
    }

    @Test func hintsComeOneByOneWithChineseHeadings() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let store = try ProgressStore(directory: folder.root.appendingPathComponent(".llmcourse"))
        let first = try HintBook.reveal(folder.exercise, language: .traditionalChinese, store: store)
        #expect(HintBook.render(first, exercise: folder.exercise, style: Self.plain, language: .traditionalChinese)
                == "提示 1/2（probe）：\n  答案是一個數字。\n再看下一個提示：llmcourse hint probe")
        let second = try HintBook.reveal(folder.exercise, language: .traditionalChinese, store: store)
        #expect(HintBook.render(second, exercise: folder.exercise, style: Self.plain, language: .traditionalChinese)
                == "提示 2/2（probe）：\n  回傳 42。\n這是最後一個提示了。想看課程函式庫的解答：llmcourse solution probe --force")
        #expect(HintBook.render(second, exercise: folder.exercise, style: Self.plain).hasPrefix("Hint 2 of 2 for probe:"))
        #expect(HintBook.render(nil, exercise: folder.exercise, style: Self.plain, language: .traditionalChinese) == "練習 probe 沒有提示。")
        // A formatter (the terminal's Markdown renderer in the CLI) may wrap the hint: every
        // line it gives keeps the indent.
        #expect(HintBook.render(second, exercise: folder.exercise, style: Self.plain, format: { "<\($0)>\nwrapped" })
                .split(separator: "\n").dropFirst().prefix(2) == ["  <回傳 42。>", "  wrapped"])
    }

    @Test func resetAndSolutionSpeakChinese() throws {
        let folder = try Folder()
        defer { folder.cleanUp() }
        let workspace = Workspace(folder: folder.root.appendingPathComponent("workspace"))
        let copy = try #require(workspace.prepare(folder.exercise).first)
        try "func answer() -> Int { 41 }\n".write(to: copy, atomically: true, encoding: .utf8)
        let restored = try workspace.reset(folder.exercise)
        let backup = try #require(restored.first?.backup)
        #expect(ExerciseMessages.text(.savedBackup, .traditionalChinese, backup.path) == "你原本的版本已另存為 \(backup.path)")
        #expect(ExerciseMessages.text(.restoredStarter, .traditionalChinese, copy.path) == "已還原起始檔：\(copy.path)")
        #expect(ExerciseMessages.text(.restoredStarter, .english, copy.path) == "Restored the starter: \(copy.path)")

        let solution = try SolutionViewer.region(folder.exercise, courseRoot: folder.root)
        let shown = SolutionViewer.render(solution, exercise: folder.exercise, style: Self.plain, language: .traditionalChinese)
        #expect(shown.hasPrefix("課程函式庫的寫法：Sources/Probe.swift，第 2–2 行：\n\nfunc answer() -> Int { 42 }"))
    }

    @Test func watchSaysWhatItIsDoingInChinese() {
        #expect(ExerciseMessages.text(.grading, .traditionalChinese, "probe") == "正在評分 probe…")
        #expect(ExerciseMessages.text(.watching, .traditionalChinese, "workspace/probe/Probe.swift") + "  "
                + ExerciseMessages.text(.watchKeys, .traditionalChinese)
                == "正在監看 workspace/probe/Probe.swift：存檔後會自動重新檢查。  t 題目 · h 提示 · n 下一題 · r 重新執行 · q 離開")
        #expect(ExerciseMessages.text(.verifying, .english, "1", "bubblewrap") == "Verifying 1 exercise (isolation: bubblewrap)")
    }

    @Test func errorsSayHowToFixThemInEitherLanguage() {
        let unknown = ExerciseError.unknownExercise("matmul", known: ["matmul-loops", "relu"])
        #expect(unknown.text(.traditionalChinese)
                == "沒有名為 matmul 的練習。你是不是要找 matmul-loops？執行 `llmcourse exercises` 可以列出所有練習。")
        #expect(unknown.description == "there is no exercise 'matmul'. Did you mean matmul-loops? Run `llmcourse exercises` to list them.")
        #expect(ExerciseError.notPassedYet("relu").text(.traditionalChinese).hasPrefix("練習 relu 還沒通過。等 `llmcourse check relu` 通過後就能看解答"))
        #expect(ExerciseError.missingFile(path: "Exercises/relu/Relu.swift", role: "starter file").text(.traditionalChinese)
                == "Exercises/relu/Relu.swift：找不到起始檔。請從 git 還原（`git restore Exercises/relu/Relu.swift`）。")
    }
}
