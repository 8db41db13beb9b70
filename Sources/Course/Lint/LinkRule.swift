import Foundation

/// Relative links and images in lessons and roadmaps point at files that exist, and their
/// `#anchor`s at headings that exist (anchors computed as renderers compute them, see ``Slug``).
/// External URLs are not fetched. Roadmap chapter links are the roadmap rule's.
struct LinkRule: LintRule {
    let name = "links"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        for lesson in context.allLessons {
            problems += check(lesson.links, in: lesson.path, context)
        }
        // A chapter link the roadmap parser already rejected is reported once, by the parser.
        let reported = Set(context.course.diagnostics.filter { $0.path.hasPrefix("Lessons/roadmap") }.map { SourcePosition(line: $0.line, column: $0.column) })
        for roadmap in context.course.roadmaps.values {
            let chapterLinks = Set(roadmap.entries.map(\.range.start)).union(reported)
            let links = LessonContent(blocks: roadmap.document.blocks).links.filter { !chapterLinks.contains($0.range.start) }
            problems += check(links, in: roadmap.path, context)
        }
        return problems
    }

    private func check(_ links: [LessonLink], in file: String, _ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        for link in links {
            func report(_ message: String) {
                problems.append(LintProblem(path: file, at: link.range.start, message: message))
            }
            switch link.kind {
            case .external:
                continue
            case .fragment:
                let anchor = link.fragment ?? ""
                if !anchor.isEmpty, context.anchors(ofFile: file)?.contains(decode(anchor)) == false {
                    report("broken anchor '#\(anchor)': no heading in this file has that anchor (lower-case, spaces as '-', punctuation dropped)")
                }
            case .relative:
                let path = decode(link.path)
                guard let target = LintContext.resolve(path, from: file) else {
                    report("link '\(link.destination)' leads outside the course folder: link within the repository")
                    continue
                }
                guard context.exists(target) else {
                    if let english = Self.englishEdition(of: target), context.exists(english) {
                        report("broken link '\(link.destination)': \(target) does not exist yet: translate that lesson, or link its English \(english) for now")
                    } else {
                        report("broken link '\(link.destination)': \(target) does not exist")
                    }
                    continue
                }
                if let anchor = link.fragment, !anchor.isEmpty, target.hasSuffix(".md"),
                   context.anchors(ofFile: target)?.contains(decode(anchor)) == false {
                    report("broken anchor '#\(anchor)' in link '\(link.destination)': \(target) has no heading with that anchor")
                }
            }
        }
        return problems
    }

    private func decode(_ s: String) -> String { s.removingPercentEncoding ?? s }

    /// `Lessons/x/lesson.zh-TW.md` → `Lessons/x/lesson.md`; nil for other paths.
    static func englishEdition(of path: String) -> String? {
        for language in CourseLanguage.allCases where language != .english && path.hasSuffix("/" + language.lessonFileName) {
            return String(path.dropLast(language.lessonFileName.count)) + CourseLanguage.english.lessonFileName
        }
        return nil
    }
}
