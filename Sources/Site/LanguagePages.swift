import Foundation

/// Renders every page of one edition: the home page (the roadmap), each lesson, each exercise;
/// and collects that edition's search index.
struct LanguagePages {
    let course: SiteCourse
    let lang: SiteLanguage
    let linker: SiteLinker
    let regions: SourceRegionReader
    let hasKaTeX: Bool
    let figures: (String) -> [String]
    private(set) var warnings: [String] = []
    private(set) var index: SearchIndex
    private let lessonTitles: [String: String]
    private let exerciseTitles: [String: String]

    init(course: SiteCourse, lang: SiteLanguage, linker: SiteLinker, regions: SourceRegionReader, hasKaTeX: Bool,
         figures: @escaping (String) -> [String]) {
        self.course = course
        self.lang = lang
        self.linker = linker
        self.regions = regions
        self.hasKaTeX = hasKaTeX
        self.figures = figures
        self.index = SearchIndex(language: lang)
        // An untranslated lesson is still named in this language when the roadmap names it.
        var roadmapTitles: [String: String] = [:]
        func collect(_ c: SiteCourse.Chapter) {
            if let t = c.titles[lang] { roadmapTitles[c.lessonID] = t }
            c.children.forEach(collect)
        }
        course.parts.forEach { $0.chapters.forEach(collect) }
        lessonTitles = course.lessons.mapValues { page in
            let (source, translated) = page.source(lang)
            return (translated ? nil : roadmapTitles[page.id]) ?? Self.title(of: source.text) ?? page.id
        }
        exerciseTitles = course.exercises.mapValues { Self.title(of: $0.source(lang).source.text) ?? $0.id }
    }

    var courseTitle: String { course.courseTitles[lang] ?? course.courseTitles[.english] ?? "LLM course" }

    mutating func render(into writer: inout SiteOutput) throws {
        let sidebar = SidebarBuilder(course: course, lang: lang, lessonTitles: lessonTitles, exerciseTitles: exerciseTitles)
        let lessons = course.lessonOrder
        let exercises = course.exerciseOrder

        // Home: the roadmap.
        let roadmap = course.roadmaps[lang] ?? course.roadmaps[.english]!
        let home = SitePaths.home(lang)
        let first = lessons.first.map { PageLayout.Link(title: lessonTitles[$0]!, path: SitePaths.lesson($0, lang)) }
        try page(home, source: roadmap, translated: course.roadmaps[lang] != nil, counterpart: SitePaths.home(lang.other),
                 sidebar: sidebar, previous: nil, next: first, extra: "", writer: &writer, bodyClass: "home")

        for (i, id) in lessons.enumerated() {
            let (source, translated) = course.lessons[id]!.source(lang)
            let path = SitePaths.lesson(id, lang)
            let prev = i > 0 ? PageLayout.Link(title: lessonTitles[lessons[i - 1]]!, path: SitePaths.lesson(lessons[i - 1], lang))
                : PageLayout.Link(title: courseTitle, path: home)
            let next = i + 1 < lessons.count ? PageLayout.Link(title: lessonTitles[lessons[i + 1]]!, path: SitePaths.lesson(lessons[i + 1], lang)) : nil
            try page(path, source: source, translated: translated, counterpart: SitePaths.lesson(id, lang.other), sidebar: sidebar,
                     previous: prev, next: next, extra: exerciseList(course.lessons[id]!, from: path), writer: &writer,
                     stale: course.lessons[id]!.isStale(lang))
        }
        // Lessons that exist but that the roadmap does not list still get a page.
        for id in course.lessons.keys.sorted() where !lessons.contains(id) {
            let (source, translated) = course.lessons[id]!.source(lang)
            try page(SitePaths.lesson(id, lang), source: source, translated: translated, counterpart: SitePaths.lesson(id, lang.other),
                     sidebar: sidebar, previous: nil, next: nil, extra: "", writer: &writer)
        }

        for (i, id) in exercises.enumerated() {
            let (source, translated) = course.exercises[id]!.source(lang)
            let path = SitePaths.exercise(id, lang)
            var prev = i > 0 ? PageLayout.Link(title: exerciseTitles[exercises[i - 1]]!, path: SitePaths.exercise(exercises[i - 1], lang)) : nil
            if let lesson = course.lessonOf(exercise: id), course.lessons[lesson]!.list("exercises").first == id {
                prev = PageLayout.Link(title: lessonTitles[lesson]!, path: SitePaths.lesson(lesson, lang))
            }
            let next = i + 1 < exercises.count ? PageLayout.Link(title: exerciseTitles[exercises[i + 1]]!, path: SitePaths.exercise(exercises[i + 1], lang)) : nil
            try page(path, source: source, translated: translated, counterpart: SitePaths.exercise(id, lang.other), sidebar: sidebar,
                     previous: prev, next: next, extra: exerciseFooter(id, from: path), writer: &writer, bodyClass: "exercise",
                     stale: course.exercises[id]!.isStale(lang))
        }
    }

    private mutating func page(_ path: String, source: SiteCourse.Source, translated: Bool, counterpart: String,
                               sidebar: SidebarBuilder, previous: PageLayout.Link?, next: PageLayout.Link?, extra: String,
                               writer: inout SiteOutput, bodyClass: String = "lesson", stale: Bool = false) throws {
        let renderer = PageRenderer(context: .init(page: path, sourcePath: source.path, lang: lang, linker: linker,
                                                   regions: regions, figures: figures))
        let article = renderer.render(source.text) + extra
        if translated || lang == .english { warnings += renderer.warnings }
        let title = renderer.headings.first { $0.level == 1 }?.text ?? courseTitle
        let layout = PageLayout(page: path, lang: lang, title: title, courseTitle: courseTitle, counterpart: counterpart,
                                sidebar: sidebar.html(current: path), headings: renderer.headings, previous: previous, next: next,
                                notice: !translated ? lang.ui.notTranslated : stale ? lang.ui.staleTranslation : nil, needsMath: renderer.hasMath, hasKaTeX: hasKaTeX,
                                bodyClass: bodyClass)
        try writer.write(path, layout.html(article: article))
        for s in renderer.sections where !(s.anchor.isEmpty && s.text.isEmpty) {
            index.add(url: path + (s.anchor.isEmpty ? "" : "#\(s.anchor)"), page: title, section: s.title, text: s.text)
        }
    }

    private func exerciseList(_ lesson: SiteCourse.Page, from path: String) -> String {
        let ids = lesson.list("exercises").filter { course.exercises[$0] != nil }
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
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: course.root.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
            .filter { (regions.text("\(folder)/\($0)") ?? "").contains("TODO") }
        if !files.isEmpty {
            out += "<p class=\"starter\">\(HTML.escape(lang.ui.starter)): "
            out += files.map { f in
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

    /// The first `# Title` line of a Markdown file (outside code fences), without a full parse.
    static func title(of text: String) -> String? {
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, line.hasPrefix("# ") {
                return line.dropFirst(2).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "")
            }
        }
        return nil
    }
}
