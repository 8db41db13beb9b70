import Course
import Foundation

/// Renders every page of one edition: the home page (the roadmap), each lesson, each exercise;
/// and collects that edition's search index.
struct LanguagePages {
    let course: SiteCourse
    let lang: CourseLanguage
    let linker: SiteLinker
    let files: RepositoryFiles
    let hasKaTeX: Bool
    let figures: (String) -> [String]
    let editLink: EditLink?
    private(set) var warnings: [String] = []
    private(set) var index: SearchIndex
    private let lessonTitles: [String: String]
    private let exerciseTitles: [String: String]
    /// Each lesson page's article in reading order, for the whole-course print page.
    private var printed: [PrintPage.Lesson] = []

    init(course: SiteCourse, lang: CourseLanguage, linker: SiteLinker, files: RepositoryFiles, hasKaTeX: Bool,
         editLink: EditLink? = nil, figures: @escaping (String) -> [String]) {
        self.editLink = editLink
        self.course = course
        self.lang = lang
        self.linker = linker
        self.files = files
        self.hasKaTeX = hasKaTeX
        self.figures = figures
        self.index = SearchIndex(language: lang)
        lessonTitles = Self.titles(course.lessonIDs) { id in
            let (lesson, translated) = course.lesson(id, lang)
            // An untranslated lesson is still named in this language when the roadmap names it.
            return (translated ? nil : course.roadmapTitle(id, lang)) ?? Self.title(lesson)
        }
        exerciseTitles = Self.titles(course.exerciseIDs) { Self.title(course.exercise($0, lang).exercise) }
    }

    var courseTitle: String { course.courseTitle(lang) }

    mutating func render(into writer: inout SiteOutput) throws {
        let sidebar = SidebarBuilder(course: course, lang: lang, lessonTitles: lessonTitles, exerciseTitles: exerciseTitles)
        let lessons = course.lessonOrder
        let exercises = course.exerciseOrder

        // Home: the roadmap.
        let translatedRoadmap = course.course.roadmaps[CourseLanguage(lang)]
        let roadmap = translatedRoadmap ?? course.course.roadmap
        let home = SitePaths.home(lang)
        let first = lessons.first.map { PageLayout.Link(title: lessonTitles[$0]!, path: SitePaths.lesson($0, lang)) }
        let otherRoadmap = course.course.roadmaps[CourseLanguage(lang.other)] ?? course.course.roadmap
        try page(home, source: (roadmap.path, roadmap.document), translated: translatedRoadmap != nil,
                 counterpart: (SitePaths.home(lang.other), otherRoadmap.document),
                 sidebar: sidebar, previous: nil, next: first, extra: "", writer: &writer, bodyClass: "home")

        for (i, id) in lessons.enumerated() {
            let (lesson, translated) = course.lesson(id, lang)
            let path = SitePaths.lesson(id, lang)
            let prev = i > 0 ? PageLayout.Link(title: lessonTitles[lessons[i - 1]]!, path: SitePaths.lesson(lessons[i - 1], lang))
                : PageLayout.Link(title: courseTitle, path: home)
            let next = i + 1 < lessons.count ? PageLayout.Link(title: lessonTitles[lessons[i + 1]]!, path: SitePaths.lesson(lessons[i + 1], lang)) : nil
            let article = try page(path, source: (lesson.path, lesson.document), translated: translated,
                                   counterpart: (SitePaths.lesson(id, lang.other), course.lesson(id, lang.other).lesson.document), sidebar: sidebar,
                                   previous: prev, next: next, extra: exerciseList(id, from: path), writer: &writer,
                                   stale: course.isStale(lesson: id, lang))
            printed.append(PrintPage.Lesson(id: id, article: article))
        }
        let print = PrintPage(lang: lang, courseTitle: courseTitle, lessons: printed, hasKaTeX: hasKaTeX)
        // A lesson folder named "print" would own that page; it wins and the print page is left out.
        if !course.lessonIDs.contains("print") { try writer.write(SitePaths.printPage(lang), print.html(sidebar: sidebar.html(current: SitePaths.printPage(lang)))) }
        // Lessons that exist but that the roadmap does not list still get a page.
        for id in course.lessonIDs where !lessons.contains(id) {
            let (lesson, translated) = course.lesson(id, lang)
            try page(SitePaths.lesson(id, lang), source: (lesson.path, lesson.document), translated: translated,
                     counterpart: (SitePaths.lesson(id, lang.other), course.lesson(id, lang.other).lesson.document),
                     sidebar: sidebar, previous: nil, next: nil, extra: "", writer: &writer)
        }

        for (i, id) in exercises.enumerated() {
            let (exercise, translated) = course.exercise(id, lang)
            let path = SitePaths.exercise(id, lang)
            var prev = i > 0 ? PageLayout.Link(title: exerciseTitles[exercises[i - 1]]!, path: SitePaths.exercise(exercises[i - 1], lang)) : nil
            if let lesson = course.lessonOf(exercise: id), course.exercises(ofLesson: lesson).first == id {
                prev = PageLayout.Link(title: lessonTitles[lesson]!, path: SitePaths.lesson(lesson, lang))
            }
            let next = i + 1 < exercises.count ? PageLayout.Link(title: exerciseTitles[exercises[i + 1]]!, path: SitePaths.exercise(exercises[i + 1], lang)) : nil
            try page(path, source: (exercise.path, exercise.document), translated: translated,
                     counterpart: (SitePaths.exercise(id, lang.other), course.exercise(id, lang.other).exercise.document), sidebar: sidebar,
                     previous: prev, next: next, extra: exerciseFooter(id, from: path), writer: &writer, bodyClass: "exercise")
        }
    }

    /// Renders and writes one page; returns its article (for the print page).
    @discardableResult
    private mutating func page(_ path: String, source: (path: String, document: MarkdownDocument), translated: Bool,
                               counterpart: (path: String, document: MarkdownDocument),
                               sidebar: SidebarBuilder, previous: PageLayout.Link?, next: PageLayout.Link?, extra: String,
                               writer: inout SiteOutput, bodyClass: String = "lesson", stale: Bool = false) throws -> RenderedArticle {
        let renderer = PageRenderer(context: .init(page: path, sourcePath: source.path, lang: lang, linker: linker,
                                                   course: course.course, figures: figures))
        let article = renderer.render(source.document) + extra
        if translated || lang == .english { warnings += renderer.warnings }
        let title = renderer.headings.first { $0.level == 1 }?.text ?? courseTitle
        var layout = PageLayout(page: path, lang: lang, title: title, courseTitle: courseTitle, counterpart: counterpart.path,
                                sidebar: sidebar.html(current: path), headings: renderer.headings, previous: previous, next: next,
                                notice: !translated ? lang.ui.notTranslated : stale ? lang.ui.staleTranslation : nil, needsMath: renderer.hasMath, hasKaTeX: hasKaTeX,
                                bodyClass: bodyClass)
        layout.counterpartAnchors = SlugAllocator.anchors(of: counterpart.document.blocks)
        layout.editURL = editLink?.url(for: source.path)
        try writer.write(path, layout.html(article: article))
        for s in renderer.sections where !(s.anchor.isEmpty && s.text.isEmpty) {
            index.add(url: path + (s.anchor.isEmpty ? "" : "#\(s.anchor)"), page: title, section: s.title, text: s.text)
        }
        return RenderedArticle(html: article, needsMath: renderer.hasMath)
    }

    private func exerciseList(_ lesson: String, from path: String) -> String {
        let ids = course.exercises(ofLesson: lesson).filter(course.hasExercise)
        guard !ids.isEmpty else { return "" }
        var out = "<section class=\"exercise-list\"><h2 id=\"llmcourse-exercises\">✎ \(HTML.escape(lang.ui.exercises))</h2><ul>\n"
        for id in ids {
            let href = SitePaths.relative(from: path, to: SitePaths.exercise(id, lang))
            out += "<li><a href=\"\(HTML.escape(href))\">\(HTML.escape(exerciseTitles[id] ?? id))</a> — <code>llmcourse check \(HTML.escape(id))</code></li>\n"
        }
        return out + "</ul></section>\n"
    }

    /// The starter files (Swift files with `TODO` markers) and the way back to the lesson.
    private func exerciseFooter(_ id: String, from path: String) -> String {
        var out = ""
        let folder = "Exercises/\(id)"
        let starters = ((try? FileManager.default.contentsOfDirectory(atPath: course.root.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
            .filter { (files.text("\(folder)/\($0)") ?? "").contains("TODO") }
        if !starters.isEmpty {
            out += "<p class=\"starter\">\(HTML.escape(lang.ui.starter)): "
            out += starters.map { f in
                let href = SitePaths.relative(from: path, to: linker.sourcePage("\(folder)/\(f)"))
                return "<a href=\"\(HTML.escape(href))\"><code>\(HTML.escape("\(folder)/\(f)"))</code></a>"
            }.joined(separator: ", ")
            out += " — <code>llmcourse check \(HTML.escape(id))</code></p>\n"
        }
        if let lesson = course.lessonOf(exercise: id) {
            let href = SitePaths.relative(from: path, to: SitePaths.lesson(lesson, lang))
            out += "<p><a href=\"\(HTML.escape(href))\">← \(HTML.escape(lang.ui.backToLesson)): \(HTML.escape(lessonTitles[lesson] ?? lesson))</a></p>\n"
        }
        return out
    }

    /// A page's title in the sidebar and the previous/next links: its `# Title` as plain text,
    /// without the `$` of any formula in it.
    static func title(_ lesson: Lesson) -> String {
        lesson.titleRange == .unknown ? lesson.id : lesson.title.replacingOccurrences(of: "$", with: "")
    }

    static func title(_ exercise: ExerciseEdition) -> String {
        exercise.title.isEmpty ? exercise.id : exercise.title.replacingOccurrences(of: "$", with: "")
    }

    static func titles(_ ids: [String], _ title: (String) -> String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ids.map { ($0, title($0)) })
    }
}
