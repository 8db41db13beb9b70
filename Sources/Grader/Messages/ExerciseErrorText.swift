import Course

/// ``ExerciseError`` in the learner's language, each with its fix. `description` is the
/// English text (logs, tests); the commands print `text(language)`.
///
/// ```swift
/// ExerciseError.notPassedYet("relu").text(.traditionalChinese)
/// // "練習 relu 還沒通過。`llmcourse check relu` 通過後就能看解答（…）"
/// ```
extension ExerciseError {
    public func text(_ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        func fill(_ en: String, _ tw: String, _ args: String...) -> String {
            MessageTemplate.fill(zh ? tw : en, args)
        }
        switch self {
        case .unknownExercise(let id, let known):
            let close = known.filter { $0.hasPrefix(String(id.prefix(3))) }.prefix(3).joined(separator: ", ")
            let suggestion = close.isEmpty ? "" : fill(" Did you mean {0}?", "你是不是要找 {0}？", close)
            return fill("there is no exercise '{0}'.{1} Run `llmcourse exercises` to list them.",
                        "沒有名為 {0} 的練習。{1}執行 `llmcourse exercises` 可以列出所有練習。", id, suggestion)
        case .malformed(let path, let line, let problem):
            return "\(path):\(line):1: \(problem)"
        case .missingFile(let path, let role):
            let roleName = zh ? Self.roleName(role) : role
            return fill("{0}: the {1} is missing. Restore it from git (`git restore {0}`).",
                        "{0}：找不到{1}。請從 git 還原（`git restore {0}`）。", path, roleName)
        case .noExercises(let folder):
            return fill("no exercises found in {0}. Run llmcourse from the course folder or pass --course.",
                        "在 {0} 找不到任何練習。請在課程資料夾裡執行 llmcourse，或用 --course 指定課程資料夾。", folder)
        case .referenceMissing(let reference, let problem):
            return fill("the reference '{0}' cannot be shown: {1}", "無法顯示參考實作 {0}：{1}", reference, problem)
        case .notPassedYet(let id):
            return fill("exercise '{0}' has not passed yet. The solution opens once `llmcourse check {0}` passes "
                        + "(or use `llmcourse solution {0} --force` to look now).",
                        "練習 {0} 還沒通過。等 `llmcourse check {0}` 通過後就能看解答（真的想現在看，可以用 `llmcourse solution {0} --force`）。", id)
        case .courseLibraryUnavailable(let reason):
            return fill("the course library (LLMCourseKit) is not available: {0}", "無法使用課程函式庫（LLMCourseKit）：{0}", reason)
        case .cannotWrite(let path, let reason):
            return fill("cannot write {0}: {1}. Check the folder's permissions.", "無法寫入 {0}：{1}。請檢查資料夾的權限。", path, reason)
        }
    }

    /// The roles `missingFile` names, in Chinese.
    private static func roleName(_ role: String) -> String {
        switch role {
        case "starter", "starter file": return "起始檔"
        case "checks", "checks file": return "檢查程式"
        case "task text": return "題目說明"
        default: return role
        }
    }
}
