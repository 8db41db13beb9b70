import Console
import Course

/// A lesson laid out for the terminal, one page per `##` section.
///
/// The first page also carries the lesson title, the translation notice (if any) and the
/// introduction, so page *i* is always section *i* — the index the progress store records.
///
/// Usage:
/// ```swift
/// let pages = LessonPages(lesson: shown, course: course, options: options)
/// print(pages.renderer.encode(pages.all.flatMap(\.lines)))
/// ```
public struct LessonPages: Sendable {
    public struct Page: Sendable {
        /// The section's index in the lesson (0-based).
        public var section: Int
        public var title: String
        public var lines: [WrappedLine]
        /// Demos this section's `run` steps name, in order.
        public var demoIDs: [String]
    }

    public let lesson: Lesson
    public let renderer: MarkdownRenderer
    public private(set) var all: [Page] = []

    public init(lesson shown: LocalizedLesson, course: Course?, options: RenderOptions) {
        let lesson = shown.lesson
        self.lesson = lesson
        var options = options
        if options.documentPath == nil { options.documentPath = lesson.path }
        if options.documentLanguage == nil { options.documentLanguage = CourseLanguage(tag: lesson.language.tag) }
        if options.includeSource == nil, let course {
            options.includeSource = Self.includeResolver(course: course, lesson: lesson)
        }
        renderer = MarkdownRenderer(options: options)

        var head: [Block] = [.heading(level: 1, content: [.text(lesson.title)], range: lesson.titleRange)]
        var headLines: [WrappedLine] = []
        if let notice = shown.notice {
            headLines = LineWrapper.wrap([StyledRun(notice, Theme.warning)], width: options.width)
        }
        head += lesson.introduction
        if lesson.sections.isEmpty {
            let lines = renderer.lines(for: Array(head.prefix(1))) + Self.spaced(headLines)
                + Self.spaced(renderer.lines(for: Array(head.dropFirst())))
            all = [Page(section: 0, title: lesson.title, lines: lines, demoIDs: lesson.introductionContent.runSteps.map(\.demoID))]
            return
        }
        for section in lesson.sections {
            let heading = Block.heading(level: 2, content: [.text(section.title)], range: section.range)
            var lines: [WrappedLine]
            var demos = section.runSteps.map(\.demoID)
            if section.index == lesson.sections.first?.index {
                demos = lesson.introductionContent.runSteps.map(\.demoID) + demos  // page 1 shows the introduction too
                lines = renderer.lines(for: Array(head.prefix(1))) + Self.spaced(headLines)
                lines += Self.spaced(renderer.lines(for: Array(head.dropFirst()) + [heading] + section.blocks))
            } else {
                lines = renderer.lines(for: [heading] + section.blocks)
            }
            all.append(Page(section: section.index, title: section.title, lines: lines, demoIDs: demos))
        }
    }

    /// Lines preceded by one blank line (nothing when empty).
    private static func spaced(_ lines: [WrappedLine]) -> [WrappedLine] {
        lines.isEmpty ? [] : [.empty] + lines
    }

    /// Resolves `path#anchor` includes against the live source files of the course.
    public static func includeResolver(course: Course, lesson: Lesson) -> @Sendable (String) -> String? {
        return { target in
            let parts = target.split(separator: "#", maxSplits: 1).map(String.init)
            let include = Include(path: parts.first ?? "", anchor: parts.count > 1 ? parts[1] : nil,
                                  language: "swift", placeholder: "", range: .unknown)
            return try? course.resolve(include, in: lesson).code
        }
    }
}
