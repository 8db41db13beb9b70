import Course
/// The remaining commands' own lines — `run`, `submit`, and warnings every exercise command
/// may print — in English and Traditional Chinese (Taiwan). Commands, ids, paths and
/// environment variables stay as typed.
///
/// ```swift
/// CommandMessages.text(.submitted, .traditionalChinese, "Matmul.swift", "12")
/// // "已提交 Matmul.swift（編號 #12），正在等待評分結果…"
/// ```
public enum CommandMessages {
    public enum Key: Sendable, CaseIterable {
        // `run`
        case nameADemo, figuresWritten
        // `submit`
        case noServer, noToken, noWorkingCopy, submitted, noReadableVerdict
        // Every exercise command.
        case skippedExercise, error
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        MessageTemplate.fill(template(key, language), args)
    }

    static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .nameADemo:
            return zh ? "請指定要執行的示範，或加上 --list 列出所有示範。" : "Name a demo to run, or pass --list to see them."
        case .figuresWritten: return zh ? "圖表已寫入 {0}：{1}" : "Figures written to {0}: {1}"
        case .noServer:
            return zh ? "還沒設定伺服器：請加上 --server http://host:8080、設定 LLMCOURSE_SERVER，或寫進 {0}。"
                : "No server: pass --server http://host:8080, set LLMCOURSE_SERVER, or write it into {0}."
        case .noToken:
            return zh ? "沒有權杖：請把 LLMCOURSE_TOKEN 設成讀書會負責人給你的權杖（用 `llmcourse group add` 產生）。"
                : "No token: set LLMCOURSE_TOKEN to the token your group leader gave you (from `llmcourse group add`)."
        case .noWorkingCopy:
            return zh ? "{0} 還沒有工作副本：先執行 `llmcourse check {0}` 建立它，寫好之後再提交。"
                : "No working copy of {0} yet: run `llmcourse check {0}` to create it, edit it, then submit."
        case .submitted:
            return zh ? "已提交 {0}（編號 #{1}），正在等待評分結果…" : "Submitted {0} as #{1}; waiting for the verdict …"
        case .noReadableVerdict:
            return zh ? "伺服器沒有傳回 #{0} 可讀取的評分結果。" : "The server returned no readable verdict for #{0}."
        case .error: return zh ? "錯誤：{0}" : "Error: {0}"
        case .skippedExercise: return zh ? "警告：略過了一個格式有誤的練習：{0}" : "warning: skipped an exercise: {0}"
        }
    }
}
