import Course
import Progress

/// Errors a reader can cause (a course not found, a lesson or section that does not exist, a
/// missing translation, a damaged progress file), in the reader's language with the same fix as the English text.
/// Errors not listed keep their English `description`.
///
/// ```swift
/// ErrorMessages.text(for: ReadingError.noSuchSection(lesson: "rag", requested: 9, count: 4), .traditionalChinese)
/// // "rag 這一課沒有第 9 節：共有 4 節（請用 --section 1…4）。"
/// ```
public enum ErrorMessages {
    /// `Error: …` / `錯誤：…`, the line a command prints before it exits with status 1.
    public static func line(for error: any Error, _ language: CourseLanguage) -> String {
        CommandMessages.text(.error, language, text(for: error, language))
    }

    public static func text(for error: any Error, _ language: CourseLanguage) -> String {
        guard language == .traditionalChinese else { return "\(error)" }
        if let reading = error as? ReadingError { return chinese(reading) }
        if let course = error as? CourseError, let text = chinese(course) { return text }
        if let progress = error as? ProgressError { return chinese(progress) }
        return "\(error)"
    }

    private static func chinese(_ error: ReadingError) -> String {
        switch error {
        case .missingEdition(let lesson, let language):
            return "\(lesson) 這一課還沒有 \(language.tag) 版本。可以用 `llmcourse read \(lesson) --lang en` 讀英文版，或拿掉 --lang。"
        case .noSuchSection(let lesson, let requested, let count):
            return "\(lesson) 這一課沒有第 \(requested) 節：共有 \(count) 節（請用 --section 1…\(count)）。"
        }
    }

    private static func chinese(_ error: ProgressError) -> String {
        switch error {
        case .damaged(let path, let backup, let reason):
            return "無法讀取進度檔 \(path)（\(reason)）。原檔已保留為 \(backup)，接下來會使用新的進度檔。想救回舊進度，請修正其中的 JSON 再把它移回原處。"
        case .newerFormat(let path, let version):
            return "進度檔 \(path) 是較新版的 llmcourse 寫的（格式 \(version)）。請更新 llmcourse 再讀取；檔案沒有被動到。"
        case .cannotCreate(let path, let reason):
            return "無法建立進度資料夾 \(path)：\(reason)。請檢查權限，或把 LLMCOURSE_STATE_DIR 設成可寫入的資料夾。"
        case .cannotWrite(let path, let reason):
            return "無法把進度存到 \(path)：\(reason)。先前的進度沒有改變；請清出一些磁碟空間或檢查權限後再試一次。"
        case .cannotRead(let path, let reason):
            return "無法讀取進度檔 \(path)：\(reason)。檔案沒有被動到；請修正它的權限（或把它移開），或把 LLMCOURSE_STATE_DIR 設成另一個資料夾。"
        }
    }

    private static func chinese(_ error: CourseError) -> String? {
        switch error {
        case .courseNotFound(let start):
            return "找不到課程：\(start) 以及它上層的資料夾都沒有 Lessons/roadmap.md。"
                + "請在課程的儲存庫裡執行 llmcourse、加上 --course DIR，或設定 LLMCOURSE_ROOT=DIR。"
        case .roadmapMissing(let root):
            return "\(root) 不是課程資料夾：裡面沒有 Lessons/roadmap.md。請讓 --course（或 LLMCOURSE_ROOT）指向含有 Lessons/ 的資料夾。"
        case .unreadableFile(let path, let reason):
            return "\(path)：無法讀取檔案（\(reason)）。請確認檔案存在、可以讀取，而且是 UTF-8 文字檔。"
        case .unknownLanguage(let tag):
            let known = CourseLanguage.allCases.map(\.tag).joined(separator: "、")
            return "課程沒有「\(tag)」的版本。可用的語言：\(known)（例如 --lang zh-TW）。"
        case .unknownLesson(let id, let known):
            let close = known.filter { $0.hasPrefix(String(id.prefix(3))) || $0.contains(id) || id.contains($0) }
            let hint = close.isEmpty ? "執行 `llmcourse list` 可以看到所有的課。" : "你是不是要找 \(close.prefix(3).joined(separator: ", "))？"
            return "沒有名為 \(id) 的課。\(hint)"
        case .invalid:
            return nil
        }
    }
}
