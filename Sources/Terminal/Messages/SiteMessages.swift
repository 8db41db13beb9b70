import Course
/// What `llmcourse site build`, `site check` and `site serve` say, in English and
/// Traditional Chinese (Taiwan). The site's own pages come in both languages regardless.
///
/// ```swift
/// SiteMessages.text(.built, .traditionalChinese, "84", "3.20", "2", "17")
/// // "已產生 84 個頁面，耗時 3.20 秒；圖表：執行了 2 個示範，17 個沿用快取"
/// ```
public enum SiteMessages {
    public enum Key: Sendable, CaseIterable {
        case built, katexMissing, open, problems, allResolve, serving, warning
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        MessageTemplate.fill(template(key, language), args)
    }

    static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .built:
            return zh ? "已產生 {0} 個頁面，耗時 {1} 秒；圖表：執行了 {2} 個示範，{3} 個沿用快取"
                : "{0} {0|page|pages} in {1} s; figures: {2} {2|demo|demos} run, {3} reused from the cache"
        case .katexMissing:
            return zh ? "；找不到 KaTeX（請安裝 libjs-katex），公式會以 TeX 原文顯示"
                : "; KaTeX not found (install libjs-katex), formulas are shown as TeX"
        case .open: return zh ? "用瀏覽器開啟 {0}" : "Open {0}"
        case .problems: return zh ? "{1} 裡有 {0} 個問題" : "{0} {0|problem|problems} in {1}"
        case .allResolve:
            return zh ? "網站檢查：{0} 裡的連結、錨點與圖片全都找得到" : "site check: all links, anchors and images resolve in {0}"
        case .serving: return zh ? "正在 {1} 提供 {0} 的內容，按 Ctrl-C 停止" : "Serving {0} at {1} — Ctrl-C stops"
        case .warning: return zh ? "警告：{0}" : "warning: {0}"
        }
    }

    /// The one-line summary of a build, from its counts (the site module's own summary is English).
    public static func buildSummary(pages: Int, seconds: Double, demosRun: Int, demosReused: Int, mathBundled: Bool,
                                    language: CourseLanguage) -> String {
        let time = String(format: "%.2f", seconds)
        var line = text(.built, language, "\(pages)", time, "\(demosRun)", "\(demosReused)")
        if !mathBundled { line += text(.katexMissing, language) }
        return line
    }
}
