import Console
import Course
import Progress

/// What `llmcourse list` prints: the roadmap, part by part, with a progress mark per lesson
/// (✓ read, ◐ partly read, · not started), ▶ for lessons with runnable demos, ✎ for lessons
/// with exercises, the lesson id to pass to `llmcourse read`, and → at the lesson to read now.
///
/// ```text
/// Fundamentals
///   1. ✓ Mathematics for machine learning  ▶    6/6  math-for-ml
///   2. ◐ Swift for machine learning        ▶ ✎  2/5  swift-for-ml
/// ```
public struct RoadmapView {
    let view: CourseView
    var course: Course { view.course }
    var reading: ReadingProgress { view.reading }
    var language: CourseLanguage { view.language }
    var options: RenderOptions { view.options }

    public init(course: Course, progress: CourseProgress, language: CourseLanguage, options: RenderOptions) {
        view = CourseView(course: course, progress: progress, language: language, options: options)
    }

    private var current: String? { reading.current?.id }

    public func render() -> String {
        let roadmap = course.roadmap(in: language)
        var lines = CourseView.Lines(width: options.width)
        func add(_ runs: [StyledRun]) { lines.add(runs) }

        add([StyledRun(roadmap.title, Theme.heading1)])
        let m = language
        let legend = [("✓", Messages.text(.legendRead, m)), ("◐", Messages.text(.legendPartly, m)),
                      ("·", Messages.text(.legendNotStarted, m)), ("▶", Messages.text(.legendDemo, m)),
                      ("✎", Messages.text(.legendExercise, m))]
        add([StyledRun(legend.map { "\($0.0) \($0.1)" }.joined(separator: "   "), Theme.muted)])

        // Titles are padded to one column so marks and ids line up, measured in display width.
        let rows = roadmap.parts.flatMap { part in part.chapters.flatMap { [($0, 0)] + $0.allSubLessons.map { ($0, 1) } } }
        let numberWidth = String(roadmap.parts.map(\.chapters.count).max() ?? 1).count + 1
        // The other columns: number, mark, ▶ ✎, count and the id. Titles give way first, so the
        // id (what `read` needs) fits.
        let idWidth = rows.map { DisplayWidth.of($0.0.lessonID) }.max() ?? 0
        let otherColumns = (2 + numberWidth + 1) + 2 + 4 + 3 + 7 + idWidth  // label, mark, ▶, ✎, count, id
        let titleWidth = min(rows.map { DisplayWidth.of($0.0.title) + 2 * $0.1 }.max() ?? 0, max(options.width - otherColumns, 8))

        for part in roadmap.parts {
            lines.blank()
            add([StyledRun(part.title, Theme.heading2)])
            for (n, chapter) in part.chapters.enumerated() {
                let number = "\(n + 1)."
                let label = "  " + String(repeating: " ", count: max(numberWidth - number.count, 0)) + number + " "
                lines.append(row(chapter, label: label, depth: 0, titleWidth: titleWidth))
                for sub in chapter.allSubLessons {
                    lines.append(row(sub, label: "  " + String(repeating: " ", count: numberWidth) + " ", depth: 1, titleWidth: titleWidth))
                }
            }
        }
        return view.encode(lines)
    }

    private func row(_ entry: RoadmapEntry, label: String, depth: Int, titleWidth: Int) -> [WrappedLine] {
        let state = reading.state(of: entry.lessonID)
        // The lesson to read now is pointed at, so the list also answers "where was I?".
        var label = label
        if entry.lessonID == current { label = "→" + label.dropFirst() }
        let (mark, markStyle): (String, TextStyle) = switch state?.state {
        case .read?: ("✓", TextStyle(foreground: .green))
        case .partlyRead?: ("◐", TextStyle(foreground: .yellow))
        default: ("·", Theme.muted)
        }
        let indent = String(repeating: "  ", count: depth)
        var title = entry.title
        if DisplayWidth.of(title) + 2 * depth > titleWidth { title = truncated(title, to: titleWidth - 2 * depth) }
        let pad = String(repeating: " ", count: max(titleWidth - 2 * depth - DisplayWidth.of(title), 0))
        let demo = (state?.demos.isEmpty ?? true) ? " " : "▶"
        let exercise = (state?.exercises.isEmpty ?? true) ? " " : "✎"
        let count = state.map { $0.state == .unavailable ? "  –  " : "\($0.sectionsRead)/\($0.sections)" } ?? ""
        let runs = [
            StyledRun(label, Theme.muted), StyledRun(mark + " ", markStyle), StyledRun(indent + title + pad),
            StyledRun("  " + demo + " ", Theme.runStep), StyledRun(exercise + "  ", Theme.listMarker),
            StyledRun(count.padding(5) + "  ", Theme.muted), StyledRun(entry.lessonID, Theme.inlineCode),
        ]
        // Rows never wrap. On a terminal too narrow even for shortened titles, the id is dropped
        // rather than the alignment; printed to a pipe or a file, the id is always kept.
        let full = WrappedLine(runs: runs, width: runs.reduce(0) { $0 + DisplayWidth.of($1.text) })
        guard full.width > options.width, options.interactive else { return [full] }
        return [WrappedLine(runs: Array(runs.dropLast()), width: full.width - DisplayWidth.of(entry.lessonID))]
    }

    private func truncated(_ text: String, to width: Int) -> String {
        var out = "", used = 0
        for ch in text {
            let w = DisplayWidth.of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}
