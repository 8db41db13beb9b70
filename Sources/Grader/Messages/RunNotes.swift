import Course

/// What the grader says about a run: why a program stopped, why nothing could be graded, what
/// happened to a check that never reported. English and Traditional Chinese (Taiwan).
///
/// Templates use `{0}`, `{1}` … (see ``MessageTemplate``); a ``VerdictNote`` carries the key
/// and the values. Runtime texts quoted into a note (the Swift trap message, the compiler's
/// output) stay as the runtime wrote them: they are what a search engine knows.
public enum RunNotes {
    public enum Key: String, Sendable, CaseIterable {
        // How a run ended abnormally.
        case timedOut = "timed_out"
        case cpuTime = "cpu_time"
        case outputLimit = "output_limit"
        case exitedEarly = "exited_early"
        case endedWithStatus = "ended_with_status"
        case outOfMemory = "out_of_memory"
        case killedForMemory = "killed_for_memory"
        case crashedWithTrap = "crashed_with_trap"
        case segmentationFault = "segmentation_fault"
        case arithmeticError = "arithmetic_error"
        case crashedWithSignal = "crashed_with_signal"
        case fileTooLarge = "file_too_large"
        case protocolViolation = "protocol_violation"
        // How a termination is named inside other notes.
        case exitStatus = "exit_status"
        case exitSignal = "exit_signal"
        // The whole verdict.
        case noCheckRan = "no_check_ran"
        case endedWithoutReport = "ended_without_report"
        case noChecksRegistered = "no_checks_registered"
        case notRun = "not_run"
        case compileErrors = "compile_errors"
        case compileErrorsInChecks = "compile_errors_in_checks"
        case compileErrorsInChecksWithSignatures = "compile_errors_in_checks_with_signatures"
        case compilerFailed = "compiler_failed"
        case compileTimedOut = "compile_timed_out"
        case compileOutputCut = "compile_output_cut"
        case libraryUnusable = "library_unusable"
        case sandboxFailed = "sandbox_failed"
        case workingCopyMissing = "working_copy_missing"
        case starterMissing = "starter_missing"
        case workingCopyIsFolder = "working_copy_is_folder"
        case workingCopyDanglingLink = "working_copy_dangling_link"
        case checksMissing = "checks_missing"
        case buildFolderFailed = "build_folder_failed"
        case startFailed = "start_failed"
        // One check.
        case didNotRun = "did_not_run"
        case passThenStopped = "pass_then_stopped"
        case stoppedDuringCheck = "stopped_during_check"
    }

    public static func template(_ key: Key, _ language: CourseLanguage) -> String {
        let zh = language == .traditionalChinese
        switch key {
        case .timedOut:
            return zh ? "執行逾時（超過 {0} 秒）：是不是陷入無窮迴圈，或是運算量太大了？（時間上限 {0} 秒）"
                : "timed out after {0} s — an endless loop, or far too much work? (limit {0} s)"
        case .cpuTime:
            return zh ? "CPU 時間用了超過 {0} 秒：是不是陷入無窮迴圈？" : "used more than {0} s of CPU time — an endless loop?"
        case .compileTimedOut:
            return zh ? "編譯超過 {0} 秒，已被停止：可能是某個運算式讓型別檢查耗時太久，請把長運算式拆成幾行並加上型別標註"
                : "the file took longer than {0} s to compile and was stopped — an expression the type checker cannot settle quickly? Split long expressions and add type annotations"
        case .compileOutputCut:
            return zh ? "{1}（只列出前 {0} 則訊息：先修好第一個錯誤）" : "{1} (only the first {0} messages are shown: fix the first error first)"
        case .protocolViolation:
            return zh ? "你的程式回給檢查程式的不是函式的結果（{0}）：請保留起始檔的函式簽名，也不要寫入檔案描述符 3 或 4"
                : "your program answered the checks with something that is not a result of the function called ({0}) — keep the starter's function signatures, and do not write to file descriptors 3 or 4"
        case .outputLimit:
            return zh ? "輸出超過 {0} KiB，已被強制停止：請拿掉迴圈裡的 print"
                : "printed more than {0} KiB of output and was stopped — remove the print in your loop"
        case .exitedEarly:
            return zh ? "檢查還沒跑完，程式就結束了（結束狀態 {0}）：你的程式是不是呼叫了 exit()？"
                : "the program exited (status {0}) before the checks finished — does your code call exit()?"
        case .endedWithStatus:
            return zh ? "檢查跑完後，程式以結束狀態 {0} 結束" : "the program ended with status {0} after the checks"
        case .outOfMemory:
            return zh ? "記憶體不足（上限 {0} MiB）：{1}" : "ran out of memory (limit {0} MiB): {1}"
        case .killedForMemory:
            return zh ? "程式被系統強制結束，多半是記憶體用量太大（上限 {0} MiB）"
                : "was killed by the system, most likely for using too much memory (limit {0} MiB)"
        case .crashedWithTrap:
            return zh ? "程式崩潰：{0}" : "crashed: {0}"
        case .segmentationFault:
            return zh ? "程式因區段錯誤（segmentation fault）而崩潰：最常見的原因是遞迴太深或無窮遞迴（堆疊溢位）"
                : "crashed with a segmentation fault — very deep or endless recursion (a stack overflow) is the usual cause"
        case .arithmeticError:
            return zh ? "程式因算術錯誤而崩潰（是不是有整數除以零？）" : "crashed with an arithmetic error (integer division by zero?)"
        case .crashedWithSignal:
            return zh ? "程式崩潰（訊號 {0}），沒有留下任何訊息" : "crashed (signal {0}) without a message"
        case .fileTooLarge:
            return zh ? "寫入的檔案超過 {0} MiB" : "wrote a file larger than {0} MiB"
        case .exitStatus:
            return zh ? "結束狀態 {0}" : "status {0}"
        case .exitSignal:
            return zh ? "訊號 {0}" : "signal {0}"
        case .noCheckRan:
            return zh ? "沒有任何一項檢查執行：{0}" : "no check ran: {0}"
        case .endedWithoutReport:
            return zh ? "檢查程式結束了，卻沒有回報任何檢查結果（{0}）" : "the checks program ended without reporting its checks (exit {0})"
        case .noChecksRegistered:
            return zh ? "這個練習沒有登記任何檢查：這是練習本身的問題，不是你的程式有錯"
                : "the exercise registers no checks; this is a fault of the exercise, not of your code"
        case .notRun:
            return zh ? "檢查程式沒有執行" : "the checks program was not run"
        case .compileErrors:
            return zh ? "你的程式無法編譯（{0} 個錯誤）。" : "your code does not compile ({0} {0|error|errors})."
        case .compileErrorsInChecks:
            return zh ? "你的程式無法編譯（{0} 個錯誤）。檢查程式呼叫不到你的程式碼：請保留起始檔裡宣告的名稱與簽章。"
                : "your code does not compile ({0} {0|error|errors}). The checks could not call your code: keep the names and signatures of the starter's declarations"
        case .compileErrorsInChecksWithSignatures:
            return zh ? "你的程式無法編譯（{0} 個錯誤）。檢查程式呼叫不到你的程式碼：請保留起始檔裡宣告的名稱與簽章：\n{1}"
                : "your code does not compile ({0} {0|error|errors}). The checks could not call your code: keep the names and signatures of the starter's declarations:\n{1}"
        case .compilerFailed:
            return zh ? "編譯器執行失敗：\n{0}" : "the compiler failed:\n{0}"
        case .libraryUnusable:
            return zh ? "無法使用課程函式庫：{0}。請在課程資料夾執行 `swift build --product LLMCourseKit` 重新建置。"
                : "the course library cannot be used: {0}. Rebuild it with `swift build --product LLMCourseKit` in the course folder."
        case .sandboxFailed:
            return zh ? "沙箱無法啟動檢查程式：{0}。可以設定 LLMCOURSE_SANDBOX=unshare（或 limits-only）改用較寬鬆的沙箱。"
                : "the sandbox could not start the checks program: {0}. Set LLMCOURSE_SANDBOX=unshare (or limits-only) to use a weaker sandbox."
        case .workingCopyMissing:
            return zh ? "找不到 {0}。執行 `llmcourse reset {1}` 就能取回起始檔。" : "{0} is missing. Run `llmcourse reset {1}` to get the starter back."
        case .starterMissing:
            return zh ? "找不到 {0}，起始檔 {1} 也不見了：請先用 `git restore Exercises/{2}` 還原，再執行 `llmcourse reset {2}`。"
                : "{0} is missing. The starter {1} is missing as well; restore it with `git restore Exercises/{2}`, then run `llmcourse reset {2}`."
        case .workingCopyIsFolder:
            return zh ? "{0} 是資料夾，不是 Swift 檔案：請把它移到別處，再執行 `llmcourse reset {1}` 取回起始檔。"
                : "{0} is a folder, not a Swift file: move it somewhere else, then run `llmcourse reset {1}` to get the starter back."
        case .workingCopyDanglingLink:
            return zh ? "{0} 是指向 {1} 的符號連結，但那個檔案不存在：請刪掉這個連結，再執行 `llmcourse reset {2}`（或讓連結指向你的檔案）。"
                : "{0} is a symbolic link to {1}, which does not exist: remove the link and run `llmcourse reset {2}` (or point it at your file)."
        case .checksMissing:
            return zh ? "找不到 Exercises/{0}/Checks.swift 或 Bridge.swift，請用 `git restore Exercises/{0}` 還原"
                : "Exercises/{0}/Checks.swift or Bridge.swift is missing; restore them with `git restore Exercises/{0}`"
        case .buildFolderFailed:
            return zh ? "無法準備建置資料夾 {0}：{1}" : "could not prepare the build folder {0}: {1}"
        case .startFailed:
            return zh ? "無法啟動檢查程式：{0}" : "could not start the checks program: {0}"
        case .didNotRun:
            return zh ? "沒有執行：程式在前面的檢查就停下來了" : "did not run: the program stopped at an earlier check"
        case .passThenStopped:
            return zh ? "回報為通過，但程式隨後異常中止：{0}" : "reported a pass, but the program then stopped abnormally: {0}"
        case .stoppedDuringCheck:
            return zh ? "程式在這項檢查進行中停止了（{0}）" : "the program stopped during this check (exit {0})"
        }
    }
}
