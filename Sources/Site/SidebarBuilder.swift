import Course

/// The course tree shown beside every page: parts, their chapters and sub-lessons, and each
/// lesson's exercises. Lessons not written yet are listed, greyed, without a link.
struct SidebarBuilder {
    let course: SiteCourse
    let lang: CourseLanguage
    /// Titles of lesson pages as their own `# Title` gives them, per edition.
    let lessonTitles: [String: String]
    let exerciseTitles: [String: String]

    func html(current page: String) -> String {
        func link(_ title: String, _ path: String, cls: String = "") -> String {
            let current = path == page ? " aria-current=\"page\"" : ""
            let c = cls.isEmpty ? "" : " class=\"\(cls)\""
            return "<a\(c) href=\"\(HTML.escape(SitePaths.relative(from: page, to: path)))\"\(current)>\(HTML.escape(title))</a>"
        }
        func chapter(_ c: RoadmapEntry) -> String {
            var out = "<li>"
            let title = lessonTitles[c.lessonID] ?? course.roadmapTitle(c.lessonID, lang) ?? c.title
            if course.hasLesson(c.lessonID) {
                out += link(title, SitePaths.lesson(c.lessonID, lang))
                let exercises = course.exercises(ofLesson: c.lessonID).filter(course.hasExercise)
                if !exercises.isEmpty || !c.subLessons.isEmpty {
                    out += "<ul>"
                    out += c.subLessons.map(chapter).joined()
                    for ex in exercises {
                        out += "<li>" + link("✎ " + (exerciseTitles[ex] ?? ex), SitePaths.exercise(ex, lang), cls: "exercise-link") + "</li>"
                    }
                    out += "</ul>"
                }
            } else {
                out += "<span class=\"planned\" title=\"\(HTML.escape(lang.ui.planned))\">\(HTML.escape(title))</span>"
                if !c.subLessons.isEmpty { out += "<ul>" + c.subLessons.map(chapter).joined() + "</ul>" }
            }
            return out + "</li>\n"
        }
        var out = "<ol class=\"home\"><li>" + link(lang.ui.home, SitePaths.home(lang)) + "</li>"
        if !course.lessonIDs.contains("print") {
            out += "<li>" + link(lang.ui.printCourse, SitePaths.printPage(lang), cls: "print-link") + "</li>"
        }
        out += "</ol>\n"
        for (i, part) in course.parts.enumerated() {
            let title = course.partTitle(i, lang)
            out += "<h2>\(HTML.escape(title))</h2>\n<ol>\n" + part.chapters.map(chapter).joined() + "</ol>\n"
        }
        // Exercises no lesson lists still get a way in.
        let listed = Set(course.lessonIDs.flatMap(course.exercises(ofLesson:)))
        let orphans = course.exerciseOrder.filter { !listed.contains($0) }
        if !orphans.isEmpty {
            out += "<h2>\(HTML.escape(lang.ui.exercises))</h2>\n<ol>\n"
            out += orphans.map { "<li>" + link("✎ " + (exerciseTitles[$0] ?? $0), SitePaths.exercise($0, lang), cls: "exercise-link") + "</li>\n" }.joined()
            out += "</ol>\n"
        }
        return out
    }
}
