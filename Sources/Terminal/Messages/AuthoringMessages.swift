import Course
/// What `llmcourse lint` and `llmcourse import` say around their findings, in English and
/// Traditional Chinese (Taiwan). The findings themselves (`path:line:column: message`) stay
/// in English, like a compiler's, so editors and scripts can read them.
///
/// ```swift
/// AuthoringMessages.text(.lintClean, .traditionalChinese, "19", "64")
/// // "課程沒有問題：共 19 課，檢查了 64 個檔案"
/// ```
public enum AuthoringMessages {
    public enum Key: Sendable, CaseIterable {
        case lintClean, lintProblems, markedTranslated, langMustBeTranslation
        case imported, importCounts, importWrote, importSkipped, importUntranslated
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        MessageTemplate.fill(template(key, language), args)
    }

    static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .lintClean:
            return zh ? "課程沒有問題：共 {0} 課，檢查了 {1} 個檔案" : "course OK: {0} lessons, {1} files checked, no problems"
        case .lintProblems:
            return zh ? "檢查了 {1} 個檔案，發現 {0} 個問題" : "{0} {0|problem|problems} in {1} files checked"
        case .markedTranslated: return zh ? "{0}：source-hash 已設為 {1}" : "{0}: source-hash set to {1}"
        case .langMustBeTranslation:
            return zh ? "--lang 必須是某個翻譯版本的語言，例如 zh-TW" : "--lang must name a translation, e.g. zh-TW"
        case .imported: return zh ? "已匯入 {0}（{1}）：{2}。" : "Imported {0} ({1}): {2}."
        case .importCounts:
            return zh ? "{0} 個部分、{1} 章、{2} 個主題、{3} 筆參考資料、{4} 本筆記本"
                : "{0} {0|part|parts}, {1} {1|chapter|chapters}, {2} {2|topic|topics}, {3} {3|reference|references}, {4} {4|notebook|notebooks}"
        case .importWrote: return zh ? "已寫入 {0}/Lessons。檢查一下：{1}" : "Wrote {0}/Lessons. Check it with: {1}"
        case .importSkipped:
            return zh ? "沒有照原文帶進課程的內容（{0} 項；README 檔名:行號: 內容: 原因）："
                : "Not carried into the course as written ({0} {0|item|items}; README file:line: what: why):"
        case .importUntranslated:
            return zh ? "{0} 課還沒有確認過的翻譯：lint 會逐一列出，翻譯或確認完成後用 --mark-translated 記錄"
                : "{0} {0|lesson has|lessons have} no checked translation yet: lint lists each one; record a finished translation with --mark-translated"
        }
    }
}
