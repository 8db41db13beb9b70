import Console
import Course
import Progress

/// What the course-wide views (`llmcourse` on its own, `llmcourse list`) start from: the
/// course, the reader's progress through it, the language and the layout, and a collector
/// of wrapped lines.
struct CourseView {
    let course: Course
    let reading: ReadingProgress
    let language: CourseLanguage
    let options: RenderOptions

    init(course: Course, progress: CourseProgress, language: CourseLanguage, options: RenderOptions) {
        self.course = course
        self.reading = ReadingProgress(course: course, progress: progress)
        self.language = language
        self.options = options
    }

    /// Lines wrapped to the view's width, then encoded for the terminal in one go.
    struct Lines {
        let width: Int
        private(set) var wrapped: [WrappedLine] = []

        init(width: Int) { self.width = width }

        mutating func add(_ runs: [StyledRun]) { wrapped += LineWrapper.wrapKeepingSpaces(runs, width: width) }
        mutating func append(_ lines: [WrappedLine]) { wrapped += lines }
        mutating func blank() { wrapped.append(.empty) }
    }

    func encode(_ lines: Lines) -> String { MarkdownRenderer(options: options).encode(lines.wrapped) }
}
