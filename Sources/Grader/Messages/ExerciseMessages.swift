import Course

/// What the exercise commands say around the verdict: the exercise list, hints, the
/// reference solution, working copies, `watch`'s status line and keys. English and
/// Traditional Chinese (Taiwan); commands, ids and paths stay as typed.
///
/// ```swift
/// ExerciseMessages.text(.hintHeading, .traditionalChinese, "1", "3")  // "提示 1/3"
/// ```
public enum ExerciseMessages {
    public enum Key: Sendable, CaseIterable {
        // `llmcourse exercises`
        case noExercises, nextMarker, passedCount, nextCommand
        // `hint`, `solution`
        case hintHeading, hintFor, noHints, lastHint, anotherHint, solutionHeading, solutionPlace
        // `check`, `reset`, `watch`
        case createdWorkingCopy, createdWorkingCopyShort, allPassedPick, nextCheck, savedBackup, restoredStarter
        case grading, watching, watchKeys, bye, passFirst, allPassed, taskNextSteps
        // What became of an attempt in the learner's progress.
        case replayNotRecorded, progressNotSaved
        // The course library, built on first use.
        case libraryBuilding, libraryRebuilding, libraryRebuildFailed
        // `dev verify-exercises`
        case verifying, verifiedOK, verifiedAll, verifyProblems, verifyStarterPasses, verifyStarterBroken, verifySolutionFails
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        MessageTemplate.fill(template(key, language), args)
    }

    static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .replayNotRecorded:
            return zh ? "這次用的是你指定的種子 {0}，所以通過不會記錄下來；不加 --seed 再執行一次 {1}，用新的輸入確認。"
                : "This run used the seed you chose ({0}), so the pass is not recorded; run {1} without --seed to confirm it on fresh inputs."
        case .progressNotSaved:
            return zh ? "警告：這次的結果沒有存進進度（{0}）" : "warning: this result was not saved to your progress ({0})"
        case .noExercises: return zh ? "目前還沒有任何練習。" : "No exercises yet."
        case .nextMarker: return zh ? "← 下一題" : "← next"
        case .passedCount: return zh ? "{1} 題中已通過 {0} 題。" : "{0} of {1} passed."
        case .nextCommand:
            return zh ? "下一步：{0}（或執行 {1}，每次存檔都會自動重新檢查）" : "Next: {0} (or {1} to re-check on every save)"
        case .hintHeading: return zh ? "提示 {0}/{1}" : "Hint {0} of {1}"
        case .hintFor: return zh ? "（{0}）：" : " for {0}:"
        case .noHints: return zh ? "練習 {0} 沒有提示。" : "Exercise '{0}' has no hints."
        case .lastHint: return zh ? "這是最後一個提示了。想看課程函式庫的解答：{0}" : "That was the last hint. The library's answer: {0}"
        case .anotherHint: return zh ? "再看下一個提示：{0}" : "Another one: {0}"
        case .solutionHeading: return zh ? "課程函式庫的寫法" : "The course library's version"
        case .solutionPlace: return zh ? "：{0}，第 {1}–{2} 行：" : " — {0}, lines {1}–{2}:"
        case .createdWorkingCopy:
            return zh ? "已從起始檔建立你的工作副本 {0}，請在這個檔案裡作答。" : "Created your working copy {0} from the starter; edit it there."
        case .createdWorkingCopyShort: return zh ? "已從起始檔建立你的工作副本 {0}。" : "Created your working copy {0} from the starter."
        case .allPassedPick: return zh ? "所有練習都通過了。想再練哪一題，可以用 {0} 指定。" : "Every exercise has passed. Pick one with {0}."
        case .nextCheck: return zh ? "下一題：{0}" : "Next: {0}"
        case .savedBackup: return zh ? "你原本的版本已另存為 {0}" : "Saved your version as {0}"
        case .restoredStarter: return zh ? "已還原起始檔：{0}" : "Restored the starter: {0}"
        case .taskNextSteps:
            return zh ? "你的檔案：{0}。寫好後用 `llmcourse check {1}` 評分（或用 `llmcourse watch {1}` 存檔就評分）；需要提示：`llmcourse hint {1}`。"
                : "Your file: {0}. Grade it with `llmcourse check {1}` (or `llmcourse watch {1}` to grade on every save); a hint: `llmcourse hint {1}`."
        case .grading: return zh ? "正在評分 {0}…" : "Grading {0}…"
        case .watching: return zh ? "正在監看 {0}：存檔後會自動重新檢查。" : "Watching {0} — save to re-check."
        case .watchKeys: return zh ? "t 題目 · h 提示 · n 下一題 · r 重新執行 · q 離開" : "t task · h hint · n next · r re-run · q quit"
        case .bye: return zh ? "再見！你的檔案還在 {0}。" : "Bye. Your file stays at {0}."
        case .passFirst:
            return zh ? "請先通過這一題（或離開後用 `llmcourse watch <id>` 換一題）。"
                : "Pass this exercise first (or quit and run `llmcourse watch <id>` to pick another)."
        case .allPassed: return zh ? "所有練習都通過了，太厲害了！" : "Every exercise has passed. Well done!"
        case .libraryBuilding:
            return zh ? "正在建置課程函式庫 LLMCourseKit（只有第一次需要，大約一兩分鐘）…"
                : "Building the course library LLMCourseKit (first time only; this takes a minute or two)…"
        case .libraryRebuilding:
            return zh ? "課程函式庫在上次建置後有更動，正在重新建置 LLMCourseKit…"
                : "The course library changed since it was built; rebuilding LLMCourseKit…"
        case .libraryRebuildFailed:
            return zh ? "重新建置失敗（{0}），改用先前在 {1} 建置好的函式庫。"
                : "Rebuilding failed ({0}); using the library built earlier in {1}."
        case .verifying: return zh ? "正在驗證 {0} 個練習（隔離方式：{1}）" : "Verifying {0} {0|exercise|exercises} (isolation: {1})"
        case .verifiedOK: return zh ? "{0}（起始檔 {1}，解答 {2}）" : "{0} (starter {1}, solution {2})"
        case .verifiedAll: return zh ? "{0} 個練習全部驗證通過。" : "All {0} exercises verified."
        case .verifyProblems: return zh ? "{1} 個練習中有 {0} 個有問題。" : "{0} of {1} exercises have problems."
        case .verifyStarterPasses:
            return zh ? "起始檔通過了所有檢查：這些檢查並沒有測到題目要求的內容" : "the starter passes every check: the checks do not test the task"
        case .verifyStarterBroken:
            return zh ? "起始檔應該能編譯但無法通過檢查，實際上卻是：{0}" : "the starter must compile and fail its checks, but: {0}"
        case .verifySolutionFails:
            return zh ? "Solution.swift 在種子 {0} 下沒有通過（{1}）：{2}" : "Solution.swift does not pass with seed {0} ({1}): {2}"
        }
    }
}
