import Course
import Foundation

/// The message table: every string the reading commands print, in English and Traditional
/// Chinese. Placeholders are `{0}`, `{1}` … so word order can differ between languages.
///
/// Usage:
/// ```swift
/// Messages.text(.sectionOf, .traditionalChinese, "2", "5")  // "第 2 節，共 5 節"
/// ```
public enum Messages {
    public enum Key: Sendable, CaseIterable {
        case image, runStep, runStepKey, includeMissing
        case keysHelp, keysHelpNoRun, keysHelpShort, keysHelpShortNoRun, sectionOf, endOfLesson, noDemo, demoFailed, demoFinished, pressAnyKey, stoppedAt, stoppedAtUnread, exerciseTaskFooter
        case courseProgress, lessonInProgress, startWith, nextUp, nextExercise, allDone, suggestRead, suggestList
        case legendRead, legendPartly, legendNotStarted, legendDemo, legendExercise, sectionsRead
        case unknownLesson, unknownSection, missingTranslation, fallbackToEnglish
        case progressNotSaved
    }

    public static func text(_ key: Key, _ language: CourseLanguage, _ args: String...) -> String {
        MessageTemplate.fill(table(key, language), args)
    }

    private static func table(_ key: Key, _ lang: CourseLanguage) -> String {
        let zh = lang == .traditionalChinese
        switch key {
        case .image: return zh ? "圖片" : "image"
        case .runStep: return zh ? "可執行的示範：{0}" : "Runnable demo: {0}"
        case .runStepKey: return zh ? "按 r 執行" : "press r to run it"
        case .includeMissing: return zh ? "找不到引用的程式碼 {0}，以下顯示課文中的副本" : "include {0} not found; showing the lesson's copy"
        case .keysHelp: return zh ? "n/空白鍵 下一節 · p 上一節 · r 執行示範 · q 離開" : "n/space next · p previous · r run demo · q quit"
        case .keysHelpShort: return zh ? "n 下一節 · p 上一節 · r 執行 · q 離開" : "n next · p back · r run · q quit"
        case .keysHelpShortNoRun: return zh ? "n 下一節 · p 上一節 · q 離開" : "n next · p back · q quit"
        case .keysHelpNoRun: return zh ? "n/空白鍵 下一節 · p 上一節 · q 離開" : "n/space next · p previous · q quit"
        case .sectionOf: return zh ? "第 {0} 節，共 {1} 節" : "section {0} of {1}"
        case .endOfLesson: return zh ? "本課結束。接下來：{0}" : "End of the lesson. Next: {0}"
        case .noDemo: return zh ? "這一節沒有可執行的示範。" : "This section has no demo to run."
        case .demoFailed: return zh ? "示範執行失敗：{0}" : "The demo failed: {0}"
        case .demoFinished: return zh ? "示範結束。" : "Demo finished."
        case .pressAnyKey: return zh ? "按任意鍵回到課文。" : "Press any key to return to the lesson."
        case .stoppedAt: return zh ? "停在第 {0} 節（共 {1} 節），這一課都讀過了。下一課：{2}" : "Stopped at section {0} of {1}; every section is read. Next: {2}"
        case .exerciseTaskFooter:
            return zh ? "這是一道練習：`llmcourse exercise {0}` 會建立你的工作副本，`llmcourse check {0}` 為它評分。"
                : "This is an exercise: `llmcourse exercise {0}` makes your working copy, `llmcourse check {0}` grades it."
        case .stoppedAtUnread:
            return zh ? "停在第 {0} 節（共 {1} 節）。下次從第一個還沒讀的第 {2} 節繼續：{3}"
                : "Stopped at section {0} of {1}. To go on later from section {2}, the first one not read yet: {3}"
        case .courseProgress: return zh ? "課程進度：已讀 {0}/{1} 節（{2}%）" : "Course progress: {0} of {1} sections read ({2}%)"
        case .lessonInProgress: return zh ? "正在讀：{0}（{1}）" : "In progress: {0} ({1})"
        case .startWith: return zh ? "從這裡開始：{0}" : "Start here: {0}"
        case .nextUp: return zh ? "接下來：{0}" : "Next: {0}"
        case .nextExercise: return zh ? "練習：{0}" : "Exercise: {0}"
        case .allDone: return zh ? "整門課都讀完了，恭喜！" : "You have read the whole course. Well done!"
        case .suggestRead: return zh ? "繼續閱讀：{0}" : "Continue with: {0}"
        case .suggestList: return zh ? "查看全部課程：{0}" : "See the whole roadmap: {0}"
        case .legendRead: return zh ? "已讀" : "read"
        case .legendPartly: return zh ? "部分" : "partly read"
        case .legendNotStarted: return zh ? "未開始" : "not started"
        case .legendDemo: return zh ? "有示範" : "has demos"
        case .legendExercise: return zh ? "有練習" : "has exercises"
        case .sectionsRead: return zh ? "{0}/{1} 節" : "{0}/{1} sections"
        case .unknownLesson: return zh ? "沒有名為「{0}」的課。可用的課：{1}" : "no lesson named '{0}'. Lessons: {1}"
        case .unknownSection: return zh ? "第 {0} 節不存在：本課共有 {1} 節。" : "there is no section {0}: this lesson has {1} sections."
        case .missingTranslation: return zh ? "課程「{0}」沒有 {1} 版本。" : "lesson '{0}' has no {1} edition."
        case .progressNotSaved: return zh ? "進度沒有存下來：{0}" : "progress not saved: {0}"
        case .fallbackToEnglish: return zh ? "（此課尚無繁體中文版或已過時，顯示英文版）" : "(showing the English edition)"
        }
    }
}
