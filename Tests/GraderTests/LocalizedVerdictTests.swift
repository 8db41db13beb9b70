import CheckProtocol
import Console
import Course
import Foundation
@testable import Grader
import Testing

/// The terminal rendering of every kind of verdict in Traditional Chinese, the English
/// rendering unchanged, and the note that carries a grader message through JSON.
@Suite("Verdicts in both languages")
struct LocalizedVerdictTests {
    static let plain = Palette(color: false, width: 100)

    func verdict(_ status: Verdict.Status, _ kind: Verdict.ErrorKind?, _ note: VerdictNote?,
                 tests: [CheckResult] = []) -> Verdict {
        Verdict(exercise: "matmul-loops", status: status, errorKind: kind, message: note?.english, note: note,
                score: tests.reduce(0) { $0 + $1.score }, maxScore: tests.reduce(0) { $0 + $1.maxScore }, seed: 7,
                durationMilliseconds: 1234, compileMilliseconds: nil, isolation: Sandbox.Mode.bubblewrap.rawValue,
                limits: .init(timeoutSeconds: 2, memoryMegabytes: 256, outputBytes: 65536, network: false),
                tests: tests, diagnostics: nil, files: ["workspace/matmul-loops/Matmul.swift"], output: nil, outputTruncated: nil)
    }

    func check(_ name: String, _ status: CheckResult.Status, points: Int = 1, message: String? = nil, note: VerdictNote? = nil) -> CheckResult {
        var result = CheckResult(name: name, status: status, score: status == .pass ? points : 0, maxScore: points, seed: 7)
        if let note { result.set(note) } else { result.message = message }
        return result
    }

    func chinese(_ verdict: Verdict) -> String {
        VerdictRenderer(style: Self.plain, language: .traditionalChinese).render(verdict, title: "用三層迴圈做矩陣乘法")
    }

    func english(_ verdict: Verdict) -> String {
        VerdictRenderer(style: Self.plain).render(verdict, title: "Matrix multiplication with three loops")
    }

    @Test func aPassSaysPointsAndWhereTheLibrarysVersionIs() {
        let passed = verdict(.pass, nil, nil, tests: [check("a 2×2 example", .pass), check("random matrices", .pass, points: 3)])
        let zh = chinese(passed)
        #expect(zh.hasPrefix("✓ matmul-loops — 用三層迴圈做矩陣乘法 通過：4/4 分（1.2 秒）"))
        #expect(zh.contains("看看課程函式庫的寫法：llmcourse solution matmul-loops"))
        #expect(english(passed).hasPrefix("✓ matmul-loops — Matrix multiplication with three loops passed: 4/4 points (1.2 s)"))
    }

    @Test func aFailShowsTheChecksOwnWordsInAChineseFrame() {
        let failed = verdict(.fail, nil, nil, tests: [
            check("a 2×2 example", .pass),
            check("random matrices", .fail, points: 2, message: "C[1, 2] should be 5, not 5.5"),
        ])
        let zh = chinese(failed)
        #expect(zh.contains("✗ matmul-loops — 用三層迴圈做矩陣乘法：1/3 分（種子 7，1.2 秒）"))
        #expect(zh.contains("      C[1, 2] should be 5, not 5.5"))
        #expect(zh.contains("你的檔案：workspace/matmul-loops/Matmul.swift"))
        // 101 columns side by side: on 100 the hint goes below, on 120 they share a line.
        #expect(zh.contains("  用同樣的輸入再跑一次：llmcourse check matmul-loops --seed 7\n  需要提示：llmcourse hint matmul-loops"))
        let wide = VerdictRenderer(style: Palette(color: false, width: 120), language: .traditionalChinese).render(failed)
        #expect(wide.contains("  用同樣的輸入再跑一次：llmcourse check matmul-loops --seed 7   需要提示：llmcourse hint matmul-loops"))
        #expect(english(failed).contains("Same inputs again: llmcourse check matmul-loops --seed 7   A hint: llmcourse hint matmul-loops"))
    }

    @Test func aCompileErrorIsReportedInChinese() {
        var broken = verdict(.error, .compile, VerdictNote(.compileErrors, "2"))
        broken.diagnostics = [CompilerDiagnostic(file: "workspace/matmul-loops/Matmul.swift", line: 3, column: 9,
                                                 severity: "error", message: "cannot find 'x' in scope", excerpt: "")]
        let zh = chinese(broken)
        #expect(zh.contains("用三層迴圈做矩陣乘法：編譯錯誤"))
        #expect(zh.contains("你的程式無法編譯（2 個錯誤）。"))
        #expect(zh.contains("錯誤：cannot find 'x' in scope"))
        #expect(english(broken).contains("your code does not compile (2 errors)."))
        #expect(broken.message == "your code does not compile (2 errors).")
        #expect(VerdictNote(.compileErrors, "1").english == "your code does not compile (1 error).")

        let signatures = VerdictNote(.compileErrorsInChecksWithSignatures, "1", "    func matmul(_ a: [[Double]], _ b: [[Double]]) -> [[Double]]")
        #expect(signatures.text(.traditionalChinese)?.contains("請保留起始檔裡宣告的名稱與簽章：\n    func matmul(") == true)
        #expect(signatures.english.contains("keep the names and signatures of the starter's declarations:\n    func matmul("))
    }

    @Test func aTimeoutSaysHowLongAndMarksTheCheck() {
        let note = VerdictNote(.timedOut, "2")
        let slow = verdict(.fail, .timeout, note, tests: [check("random matrices", .timeout, note: note), check("shape", .pass)])
        let zh = chinese(slow)
        #expect(zh.contains("執行逾時（超過 2 秒）：是不是陷入無窮迴圈，或是運算量太大了？（時間上限 2 秒）"))
        #expect(zh.contains("⏱ random matrices [逾時] (0/1)"))
        #expect(english(slow).contains("timed out after 2 s — an endless loop, or far too much work? (limit 2 s)"))
        #expect(english(slow).contains("random matrices [timeout]"))
    }

    @Test func runningOutOfMemoryNamesTheLimit() {
        let note = VerdictNote(.outOfMemory, "256", "Fatal error: Could not allocate memory")
        let zh = chinese(verdict(.error, .memory, note))
        #expect(zh.contains("用三層迴圈做矩陣乘法：記憶體不足"))
        #expect(zh.contains("記憶體不足（上限 256 MiB）：Fatal error: Could not allocate memory"))
        #expect(note.english == "ran out of memory (limit 256 MiB): Fatal error: Could not allocate memory")
        #expect(VerdictNote(.killedForMemory, "256").text(.traditionalChinese) == "程式被系統強制結束，多半是記憶體用量太大（上限 256 MiB）")
    }

    @Test func aCrashKeepsTheRuntimesTrapMessage() {
        let trap = VerdictNote(.crashedWithTrap, "Fatal error: Index out of range")
        let zh = chinese(verdict(.error, .crash, trap, tests: [check("a 2×2 example", .error, note: trap)]))
        #expect(zh.contains("用三層迴圈做矩陣乘法：程式崩潰"))
        #expect(zh.contains("程式崩潰：Fatal error: Index out of range"))
        #expect(zh.contains("a 2×2 example [錯誤]"))
        #expect(trap.english == "crashed: Fatal error: Index out of range")
        #expect(VerdictNote(.segmentationFault).text(.traditionalChinese)?.contains("遞迴太深或無窮遞迴（堆疊溢位）") == true)
        #expect(VerdictNote(.exitedEarly, "3").text(.traditionalChinese) == "檢查還沒跑完，程式就結束了（結束狀態 3）：你的程式是不是呼叫了 exit()？")
    }

    @Test func tooMuchOutputAndUngradableRuns() {
        let zh = chinese(verdict(.error, .outputLimit, VerdictNote(.outputLimit, "64")))
        #expect(zh.contains("用三層迴圈做矩陣乘法：輸出太多"))
        #expect(zh.contains("輸出超過 64 KiB，已被強制停止：請拿掉迴圈裡的 print"))

        let nothing = VerdictNote(.noCheckRan, detail: VerdictNote(.endedWithoutReport, detail: VerdictNote(.exitStatus, "3")))
        let internalVerdict = verdict(.error, .internal, nothing)
        #expect(chinese(internalVerdict).contains("用三層迴圈做矩陣乘法：無法評分"))
        #expect(chinese(internalVerdict).contains("沒有任何一項檢查執行：檢查程式結束了，卻沒有回報任何檢查結果（結束狀態 3）"))
        // The English text is word for word what the grader wrote before notes existed.
        #expect(internalVerdict.message == "no check ran: the checks program ended without reporting its checks (exit status 3)")
    }

    @Test func theNoteTravelsThroughJSONAndAnUnknownKeyFallsBackToTheMessage() throws {
        let note = VerdictNote(.timedOut, "2")
        let original = verdict(.fail, .timeout, note, tests: [check("random matrices", .timeout, note: note)])
        let json = original.json()
        #expect(json.contains("\"key\" : \"timed_out\""))
        #expect(json.contains("\"message\" : \"timed out after 2 s"))
        let decoded = try JSONDecoder().decode(Verdict.self, from: Data(json.utf8))
        #expect(decoded == original)
        #expect(chinese(decoded).contains("執行逾時（超過 2 秒）"))

        var fromNewerServer = original
        fromNewerServer.note = VerdictNote(key: "something_new", args: [], detail: nil)
        #expect(chinese(fromNewerServer).contains("timed out after 2 s"))
    }

    @Test func theCheckAPIsNumericLineIsTranslatedButACheckersOwnWordsAreNot() {
        let details = NumericReport(what: "f(x)", shape: [2, 3], atol: 1e-5, rtol: 1e-4, maxAbsError: 0.5, maxRelError: 0.1,
                                     worstIndex: [1, 1], actualAtWorst: 5.5, expectedAtWorst: 5, mismatched: 1, count: 6)
        let line = "f(x): 1 of 6 values outside tolerance atol 1e-05 + rtol 0.0001·|expected|; "
            + "worst at [1, 1]: got 5.5, expected 5 (max abs error 0.5, max rel error 0.1)"
        #expect(NumericSummary.text(details, .english) == line)
        let failing = check("f matches", .fail, message: line + "\nscale the sum first")
        var withDetails = failing
        withDetails.numeric = details
        // Verdict lines wrap to the width under a hanging indent: compare the words.
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let zh = chinese(verdict(.fail, nil, nil, tests: [withDetails]))
        #expect(words(zh).contains(words("f(x)：6 個值中有 1 個超出容許誤差 atol 1e-05 + rtol 0.0001·|期望值|；"
                                         + "最差的在 [1, 1]：得到 5.5，應為 5（最大絕對誤差 0.5，最大相對誤差 0.1） scale the sum first")))
        #expect(zh.contains("\n      scale the sum first"), "the checker's own words on a line of their own")
        #expect(words(english(verdict(.fail, nil, nil, tests: [withDetails]))).contains(words(line)))
        var ownWords = withDetails
        ownWords.message = "the rows must sum to 1"
        #expect(chinese(verdict(.fail, nil, nil, tests: [ownWords])).contains("the rows must sum to 1"))
    }

    @Test func theCheckAPIsFixedPhrasingsAreTranslatedLineByLine() {
        #expect(CheckPhrases.localize("answer(): got 0, expected 42", .traditionalChinese) == "answer()：得到 0，應為 42")
        #expect(CheckPhrases.localize("linear(x).shape: got [4, 3], expected [4, 5]", .traditionalChinese)
                == "linear(x).shape：得到 [4, 3]，應為 [4, 5]")
        #expect(CheckPhrases.localize("y: got 5 values, expected 6 (shape [2, 3])", .traditionalChinese) == "y：得到 5 個值，應為 6 個（形狀 [2, 3]）")
        #expect(CheckPhrases.localize("best(): got nil, expected a value", .traditionalChinese) == "best()：得到 nil，應該要有值")
        #expect(CheckPhrases.localize("answer(): got 0, expected 42\nreturn the constant", .traditionalChinese)
                == "answer()：得到 0，應為 42\nreturn the constant")
        #expect(CheckPhrases.localize("the rows must sum to 1", .traditionalChinese) == nil)
        #expect(CheckPhrases.localize("answer(): got 0, expected 42", .english) == nil)
        #expect(CheckPhrases.localize("f: 1 of 2 values outside tolerance atol 1; worst: got 1, expected 2 (x)", .traditionalChinese) == nil)
        let zh = chinese(verdict(.fail, nil, nil, tests: [check("answer is 42", .fail, message: "answer(): got 0, expected 42")]))
        #expect(zh.contains("      answer()：得到 0，應為 42"))
    }

    @Test func everyTemplateHasAChineseTextWithTheSamePlaceholders() {
        func placeholders(_ s: String) -> Set<String> {
            Set(s.matches(of: /\{(\d+)[^}]*\}/).map { String($0.output.1) })
        }
        // Han characters, or (for a template that is only punctuation around a value) fullwidth punctuation.
        func isChinese(_ s: String) -> Bool {
            s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFF60).contains($0.value) }
        }
        var pairs: [(String, String, String)] = []
        for key in RunNotes.Key.allCases {
            pairs.append(("\(key)", RunNotes.template(key, .english), RunNotes.template(key, .traditionalChinese)))
        }
        for key in VerdictLabels.Key.allCases {
            pairs.append(("\(key)", VerdictLabels.template(key, .english), VerdictLabels.template(key, .traditionalChinese)))
        }
        for key in ExerciseMessages.Key.allCases {
            pairs.append(("\(key)", ExerciseMessages.template(key, .english), ExerciseMessages.template(key, .traditionalChinese)))
        }
        for (key, en, zh) in pairs {
            #expect(isChinese(zh), "\(key): \(zh)")
            #expect(!isChinese(en), "\(key): \(en)")
            #expect(placeholders(en) == placeholders(zh), "\(key): \(en) / \(zh)")
        }
    }

    @Test func templatesFillInAnyOrderAndChooseEnglishPlurals() {
        #expect(MessageTemplate.fill("{0} {0|error|errors}", ["1"]) == "1 error")
        #expect(MessageTemplate.fill("{0} {0|error|errors}", ["3"]) == "3 errors")
        #expect(MessageTemplate.fill("{1} 題中已通過 {0} 題", ["2", "9"]) == "9 題中已通過 2 題")
        #expect(MessageTemplate.fill("keep {braces} and {7}", ["x"]) == "keep {braces} and {7}")
    }
}

extension VerdictNote {
    init(key: String, args: [String], detail: [VerdictNote]?) {
        self = VerdictNote(.notRun)
        self.key = key
        self.args = args
        self.detail = detail
    }
}

/// Real runs of the probe exercise, shown in Chinese: the notes the grader writes while
/// grading are the ones the renderer translates.
@Suite("Graded verdicts in Traditional Chinese", .serialized)
struct GradedChineseVerdictTests {
    @Test func aCompileErrorAndACrashFromRealRuns() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        let renderer = VerdictRenderer(style: Palette(color: false, width: 100), language: .traditionalChinese)

        try course.writeBad("DoesNotCompile")
        let broken = try course.grader.check("probe", seed: 3)
        #expect(broken.errorKind == .compile)
        let brokenText = renderer.render(broken, title: "探針")
        #expect(brokenText.contains("✗ probe — 探針：編譯錯誤"))
        #expect(brokenText.contains("你的程式無法編譯（1 個錯誤）。"))
        #expect(broken.message == "your code does not compile (1 error).")

        try course.writeBad("IndexOutOfRange")
        let crashed = try course.grader.check("probe", seed: 3)
        #expect(crashed.errorKind == .crash)
        let crashedText = renderer.render(crashed, title: "探針")
        #expect(crashedText.contains("程式崩潰：Fatal error: Index out of range"))
        #expect(crashedText.contains("你的檔案："))
        #expect(crashed.tests.first?.message == "crashed: Fatal error: Index out of range")

        // A check with a Chinese name shows it to zh-TW readers; the English name stays its identity.
        let json = crashed.json()
        #expect(json.contains("\"name\" : \"answer is 42\"") && json.contains("\"name_zh\" : \"答案是 42\""))
        #expect(crashedText.contains("答案是 42"))
        #expect(!crashedText.contains("answer is 42"))
        let english = VerdictRenderer(style: Palette(color: false, width: 100)).render(crashed, title: "probe")
        #expect(english.contains("answer is 42") && !english.contains("答案是 42"))
    }
}
