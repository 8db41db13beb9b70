import Course

/// The words around a verdict in the terminal: headlines, check labels, the footer's next
/// steps. English and Traditional Chinese (Taiwan); commands, ids and paths stay as typed.
///
/// ```swift
/// VerdictLabels.text(.passed, .traditionalChinese, "6", "6", "1.2")  // " 通過：6/6 分（1.2 秒）"
/// ```
public enum VerdictLabels {
    public enum Key: Sendable, CaseIterable {
        case passed, scored
        case doesNotCompile, timedOut, outOfMemory, crashed, printedTooMuch, notGradable
        case compilerError, moreErrors, statusTimeout, statusError
        case yourCodePrinted, yourCodePrintedFirst, outputOutsideChecks
        case seeSolution, yourFile, sameInputs, aHint, isolation
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        MessageTemplate.fill(template(key, language), args)
    }

    static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .passed: return zh ? " 通過：{0}/{1} 分（{2} 秒）" : " passed: {0}/{1} points ({2} s)"
        case .scored: return zh ? "：{0}/{1} 分（種子 {2}，{3} 秒）" : ": {0}/{1} points (seed {2}, {3} s)"
        case .doesNotCompile: return zh ? "編譯錯誤" : "does not compile"
        case .timedOut: return zh ? "執行逾時" : "timed out"
        case .outOfMemory: return zh ? "記憶體不足" : "ran out of memory"
        case .crashed: return zh ? "程式崩潰" : "crashed"
        case .printedTooMuch: return zh ? "輸出太多" : "printed too much"
        case .notGradable: return zh ? "無法評分" : "could not be graded"
        case .compilerError: return zh ? "錯誤：" : "error: "
        case .moreErrors: return zh ? "…還有 {0} 個錯誤" : "… and {0} more {0|error|errors}"
        case .statusTimeout: return zh ? "逾時" : "timeout"
        case .statusError: return zh ? "錯誤" : "error"
        case .yourCodePrinted: return zh ? "你的程式印出：" : "your code printed:"
        case .yourCodePrintedFirst: return zh ? "你的程式印出（前 {0} 個字元）：" : "your code printed (first {0} characters):"
        case .outputOutsideChecks: return zh ? "檢查以外的輸出：" : "output outside the checks:"
        case .seeSolution: return zh ? "看看課程函式庫的寫法：{0}" : "See the course library's version: {0}"
        case .yourFile: return zh ? "你的檔案：{0}" : "Your file: {0}"
        case .sameInputs: return zh ? "用同樣的輸入再跑一次：{0}" : "Same inputs again: {0}"
        case .aHint: return zh ? "需要提示：{0}" : "A hint: {0}"
        case .isolation: return zh ? "（隔離方式：{0}）" : "(isolation: {0})"
        }
    }
}
