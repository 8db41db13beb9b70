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
        // The program and `config`.
        case unknownCommand, unknownCommandNear, languageChosen, languageForgotten, languageShown, languageNotChosen
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
        case .unknownCommand:
            return zh ? "沒有「{0}」這個指令。執行 `llmcourse --help` 看看所有指令。" : "there is no command '{0}'. Run `llmcourse --help` to see them all."
        case .unknownCommandNear:
            return zh ? "沒有「{0}」這個指令。你是不是要用：{1}？（`llmcourse --help` 列出所有指令）"
                : "there is no command '{0}'. Did you mean {1}? (`llmcourse --help` lists them all)"
        case .languageChosen:
            return zh ? "之後沒加 --lang 時都用 {0}（記在 {1}）。改回依 LANG 決定：llmcourse config lang default"
                : "From now on the course speaks {0} when no --lang is given (kept in {1}). To follow LANG again: llmcourse config lang default"
        case .languageForgotten:
            return zh ? "不再記住語言：沒加 --lang 時依 LANGUAGE/LANG 決定。" : "No language is remembered now: without --lang, LANGUAGE/LANG decide."
        case .languageShown: return zh ? "語言：{0}（用 `llmcourse config lang …` 選定）" : "lang: {0} (chosen with `llmcourse config lang …`)"
        case .languageNotChosen:
            return zh ? "語言：還沒選定，現在依環境用 {0}（`llmcourse config lang zh-TW` 或 `en` 可以選定）"
                : "lang: not chosen; from the environment: {0} (choose with `llmcourse config lang zh-TW` or `en`)"
        }
    }

    /// A mistyped command, with the nearest commands when there are any.
    public static func unknownCommand(_ word: String, suggestions: [String], _ language: CourseLanguage) -> String {
        guard !suggestions.isEmpty else { return text(.unknownCommand, language, word) }
        let joiner = language == .traditionalChinese ? "、" : " or "
        return text(.unknownCommandNear, language, word, suggestions.prefix(3).map { "`llmcourse \($0)`" }.joined(separator: joiner))
    }
}
