import Course
@testable import Terminal
import Testing

/// The command message tables (site, lint/import, run/submit) in both languages, and the one
/// rule every command uses to pick the language.
@Suite("Command messages in both languages")
struct CommandMessagesTests {
    @Test func theLanguageComesFromLangThenTheEnvironmentThenEnglish() throws {
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "zh_TW.UTF-8"]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "en_US.UTF-8", "LANGUAGE": "zh_TW:en"]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: "en", environment: ["LANG": "zh_TW.UTF-8"]) == .english)
        #expect(try CourseLanguage.resolve(explicit: "zh-TW", environment: [:]) == .traditionalChinese)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "C"]) == .english)
        #expect(try CourseLanguage.resolve(explicit: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .english)
        #expect(throws: CourseError.self) { try CourseLanguage.resolve(explicit: "fr", environment: [:]) }
    }

    @Test func siteLinesInBothLanguages() {
        #expect(SiteMessages.buildSummary(pages: 84, seconds: 3.2, demosRun: 1, demosReused: 17, mathBundled: true, language: .english)
                == "84 pages in 3.20 s; figures: 1 demo run, 17 reused from the cache")
        #expect(SiteMessages.buildSummary(pages: 84, seconds: 3.2, demosRun: 2, demosReused: 17, mathBundled: false, language: .traditionalChinese)
                == "已產生 84 個頁面，耗時 3.20 秒；圖表：執行了 2 個示範，17 個沿用快取；找不到 KaTeX（請安裝 libjs-katex），公式會以 TeX 原文顯示")
        #expect(SiteMessages.text(.problems, .traditionalChinese, "3", "site-out") == "site-out 裡有 3 個問題")
        #expect(SiteMessages.text(.problems, .english, "1", "site-out") == "1 problem in site-out")
        #expect(SiteMessages.text(.serving, .traditionalChinese, "site-out", "http://127.0.0.1:8000/")
                == "正在 http://127.0.0.1:8000/ 提供 site-out 的內容，按 Ctrl-C 停止")
    }

    @Test func lintImportRunAndSubmitLines() {
        #expect(AuthoringMessages.text(.lintClean, .traditionalChinese, "19", "64") == "課程沒有問題：共 19 課，檢查了 64 個檔案")
        #expect(AuthoringMessages.text(.lintProblems, .traditionalChinese, "2", "64") == "檢查了 64 個檔案，發現 2 個問題")
        #expect(AuthoringMessages.text(.lintClean, .english, "19", "64") == "course OK: 19 lessons, 64 files checked, no problems")
        #expect(AuthoringMessages.text(.importCounts, .english, "1", "2", "1", "5", "0")
                == "1 part, 2 chapters, 1 topic, 5 references, 0 notebooks")
        #expect(CommandMessages.text(.nameADemo, .traditionalChinese) == "請指定要執行的示範，或加上 --list 列出所有示範。")
        #expect(CommandMessages.text(.submitted, .traditionalChinese, "Matmul.swift", "12") == "已提交 Matmul.swift（編號 #12），正在等待評分結果…")
        #expect(CommandMessages.text(.noWorkingCopy, .traditionalChinese, "relu")
                == "relu 還沒有工作副本：先執行 `llmcourse check relu` 建立它，寫好之後再提交。")
        #expect(CommandMessages.text(.error, .traditionalChinese, "沒有名為 x 的練習。") == "錯誤：沒有名為 x 的練習。")
    }

    @Test func readersMistakesInChineseWithTheirFix() {
        let section = ReadingError.noSuchSection(lesson: "rag", requested: 9, count: 4)
        #expect(ErrorMessages.line(for: section, .traditionalChinese) == "錯誤：rag 這一課沒有第 9 節：共有 4 節（請用 --section 1…4）。")
        #expect(ErrorMessages.line(for: section, .english) == "Error: lesson 'rag' has no section 9: it has 4 sections (use --section 1…4).")
        #expect(ErrorMessages.text(for: CourseError.unknownLesson("ragg", known: ["rag", "advanced-rag"]), .traditionalChinese)
                == "沒有名為 ragg 的課。你是不是要找 rag？")
        #expect(ErrorMessages.text(for: CourseError.unknownLanguage("fr"), .traditionalChinese)
                == "課程沒有「fr」的版本。可用的語言：en、zh-TW（例如 --lang zh-TW）。")
        #expect(ErrorMessages.text(for: CourseError.courseNotFound(searchedFrom: "/tmp"), .traditionalChinese)
                .hasPrefix("找不到課程：/tmp 以及它上層的資料夾都沒有 Lessons/roadmap.md。"))
    }

    @Test func everyTableHasChineseWithTheSamePlaceholders() {
        func placeholders(_ s: String) -> Set<String> {
            Set(s.matches(of: /\{(\d+)[^}]*\}/).map { String($0.output.1) })
        }
        // Han characters, or (for a template that is only punctuation around a value) fullwidth punctuation.
        func isChinese(_ s: String) -> Bool {
            s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFF60).contains($0.value) }
        }
        var pairs: [(String, String, String)] = []
        for key in SiteMessages.Key.allCases {
            pairs.append(("\(key)", SiteMessages.template(key, .english), SiteMessages.template(key, .traditionalChinese)))
        }
        for key in AuthoringMessages.Key.allCases {
            pairs.append(("\(key)", AuthoringMessages.template(key, .english), AuthoringMessages.template(key, .traditionalChinese)))
        }
        for key in CommandMessages.Key.allCases {
            pairs.append(("\(key)", CommandMessages.template(key, .english), CommandMessages.template(key, .traditionalChinese)))
        }
        for key in ModelMessages.Key.allCases {
            pairs.append(("\(key)", ModelMessages.template(key, .english), ModelMessages.template(key, .traditionalChinese)))
        }
        for key in Messages.Key.allCases {
            pairs.append(("\(key)", Messages.text(key, .english), Messages.text(key, .traditionalChinese)))
        }
        for (key, en, zh) in pairs {
            #expect(isChinese(zh), "\(key): \(zh)")
            #expect(!isChinese(en), "\(key): \(en)")
            #expect(placeholders(en) == placeholders(zh), "\(key): \(en) / \(zh)")
        }
    }
}
