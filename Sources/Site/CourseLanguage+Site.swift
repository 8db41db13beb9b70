import Course

/// What the site needs of an edition beyond ``CourseLanguage`` itself.
extension CourseLanguage {
    /// Folder of this edition inside the site: English at the top, the translation below it.
    var sitePrefix: String { self == .english ? "" : "\(rawValue)/" }

    var other: CourseLanguage { self == .english ? .traditionalChinese : .english }

    /// Words of the page frame (not of the lessons) in this language.
    var ui: UIStrings { self == .english ? .english : .traditionalChinese }
}

/// Fixed words of the site's frame, per language.
struct UIStrings: Sendable {
    var contents: String
    var onThisPage: String
    var previous: String
    var next: String
    var search: String
    var searchLoading: String
    var noResults: String
    var theme: String
    var menu: String
    var runIt: String
    var exercises: String
    var exercise: String
    var hint: String
    var backToLesson: String
    var notTranslated: String
    var staleTranslation: String
    var starter: String
    var planned: String
    var source: String
    var home: String
    var copy: String
    var copied: String
    var editPage: String
    var printCourse: String

    static let english = UIStrings(
        contents: "Contents", onThisPage: "On this page", previous: "Previous", next: "Next",
        search: "Search the course", searchLoading: "Loading the index…", noResults: "No results.",
        theme: "Switch between light and dark", menu: "Menu", runIt: "Run it", exercises: "Exercises",
        exercise: "Exercise", hint: "Hint", backToLesson: "Back to the lesson",
        notTranslated: "This page has not been translated yet; the English text is shown.",
        staleTranslation: "The English text changed after this translation was made.", starter: "Starter file",
        planned: "not written yet", source: "Source", home: "Home",
        copy: "Copy", copied: "Copied", editPage: "Edit this page", printCourse: "Whole course on one page (print)")

    static let traditionalChinese = UIStrings(
        contents: "目錄", onThisPage: "本頁內容", previous: "上一章", next: "下一章",
        search: "搜尋課程", searchLoading: "正在載入索引…", noResults: "沒有結果。",
        theme: "切換淺色與深色", menu: "選單", runIt: "執行", exercises: "練習",
        exercise: "練習", hint: "提示", backToLesson: "回到課文",
        notTranslated: "本頁尚未翻譯，以下顯示英文原文。",
        staleTranslation: "英文原文在翻譯完成後又有修改，譯文可能略為落後。", starter: "起始檔案",
        planned: "尚未撰寫", source: "原始碼", home: "首頁",
        copy: "複製", copied: "已複製", editPage: "編輯此頁", printCourse: "整份課程（列印用）")
}
