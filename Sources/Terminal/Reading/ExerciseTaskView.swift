import Course

/// An exercise's task in the terminal: its title as a heading, then the task text (without
/// the hints) through the lesson renderer, so code, math and links look as they do in lessons.
/// Links are shown from the course root (`Lessons/math-for-ml/lesson.md#…`), since the task
/// text links relative to its own folder.
///
/// ```swift
/// let text = ExerciseTaskView(title: edition.title, task: edition.task, path: edition.path,
///                             options: RenderOptions(width: 80)).render()
/// ```
public struct ExerciseTaskView {
    let title: String
    let task: MarkdownDocument
    let path: String
    let options: RenderOptions

    public init(title: String, task: MarkdownDocument, path: String, options: RenderOptions) {
        self.title = title
        self.task = task
        self.path = path
        self.options = options
    }

    public func render() -> String {
        var options = self.options
        options.documentPath = path
        options.interactive = false  // no "press r" in a task
        let heading = Block.heading(level: 1, content: [.text(title)], range: SourceRange.unknown)
        var out = MarkdownRenderer(options: options).render(MarkdownDocument(blocks: [heading] + task.blocks, source: task.source))
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }
}
