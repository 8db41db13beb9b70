import Console
import Course

/// Reads a lesson in the terminal: a section-by-section stepper on a terminal, the whole
/// lesson as plain text otherwise.
///
/// Interactive keys are shown at the bottom of the screen; ``StepperPosition`` lists them all.
/// Each section shown on a terminal is reported to `markRead` once; printing the lesson to a
/// pipe or a file marks nothing (nobody is known to have read it). Demos run on the normal
/// screen (their output stays in the scrollback) and the lesson comes back after a key. On
/// quitting, one line on the normal screen says how to go on later: `read <id>` reopens at the
/// first unread section, which `firstUnread` reports after this visit's marks.
///
/// Usage (from the `read` command):
/// ```swift
/// let reader = LessonReader(environment: env, language: .english, nextLessonID: "rag",
///                           layout: { width in LessonPages(lesson: shown, course: course, options: …) },
///                           markRead: { section in try? store.update { $0.markSectionRead(lesson: id, section: section) } },
///                           runDemo: { id, width in try runDemo(id, width) })
/// reader.run(section: nil)   // 0-based section, or nil for the start / the whole lesson
/// ```
public struct LessonReader {
    public typealias DemoRunner = (_ demoID: String, _ width: Int) throws -> Void

    let environment: TerminalEnvironment
    let language: CourseLanguage
    let nextLessonID: String?
    let layout: (_ width: Int) -> LessonPages
    let markRead: (_ section: Int) -> Void
    /// The lesson's first unread section (0-based) as recorded now, nil when all are read.
    let firstUnread: () -> Int?
    let runDemo: DemoRunner?

    public init(environment: TerminalEnvironment, language: CourseLanguage, nextLessonID: String?,
                layout: @escaping (_ width: Int) -> LessonPages, markRead: @escaping (_ section: Int) -> Void,
                firstUnread: @escaping () -> Int? = { nil }, runDemo: DemoRunner?) {
        self.environment = environment
        self.language = language
        self.nextLessonID = nextLessonID
        self.layout = layout
        self.markRead = markRead
        self.firstUnread = firstUnread
        self.runDemo = runDemo
    }

    /// Steps through the lesson on a terminal, or prints it when output is not interactive.
    /// `section` is 0-based; nil means the whole lesson (non-interactive) or the first section.
    public func run(section: Int?) {
        if environment.isInteractive {
            interact(startingAt: section ?? 0)
        } else {
            Output.write(plainText(section: section) + "\n")
        }
    }

    /// The lesson (or one section of it) as text. Nothing is marked read.
    public func plainText(section: Int?) -> String {
        let pages = layout(environment.width)
        let shown = pages.all.filter { section == nil || $0.section == section }
        var lines: [WrappedLine] = []
        for page in shown {
            if !lines.isEmpty { lines.append(.empty) }
            lines += page.lines
        }
        if section == nil || shown.last?.section == pages.all.last?.section {
            lines += [.empty] + endLines(pages.renderer.options.width)
        }
        return pages.renderer.encode(lines)
    }

    func endLines(_ width: Int) -> [WrappedLine] {
        let next = nextLessonID.map { "llmcourse read \($0)" } ?? "llmcourse list"
        return LineWrapper.wrap([StyledRun("■ " + Messages.text(.endOfLesson, language, next), Theme.muted)], width: width)
    }

    // MARK: - Interactive stepper

    private func interact(startingAt start: Int) {
        let terminal = RawTerminal()
        terminal.enter()
        var width = currentWidth()
        var pages = layout(width)
        guard !pages.all.isEmpty else { terminal.leave(); return }
        var position = StepperPosition(page: start, pageCount: pages.all.count)
        defer {
            terminal.leave()
            // Back on the normal screen: one line saying where the reader stopped and the command
            // that goes on: the same lesson while a section is unread (it reopens there), else the next.
            let note: String
            if let unread = firstUnread() {
                note = Messages.text(.stoppedAtUnread, language, String(position.page + 1), String(pages.all.count),
                                     String(unread + 1), "llmcourse read \(pages.lesson.id)")
            } else {
                note = Messages.text(.stoppedAt, language, String(position.page + 1), String(pages.all.count),
                                     nextLessonID.map { "llmcourse read \($0)" } ?? "llmcourse list")
            }
            Output.write(pages.renderer.encode(LineWrapper.wrap([StyledRun(note, Theme.muted)], width: width)) + "\n")
        }
        var seen = Set<Int>()
        var message: String? = nil

        while true {
            let rows = max((TerminalEnvironment.terminalRows() ?? 24) - 3, 3)
            let page = pages.all[position.page]
            var body = page.lines
            if position.isLastPage { body += [.empty] + endLines(width) }
            position.clamp(lines: body.count, rows: rows)
            if seen.insert(page.section).inserted { markRead(page.section) }
            draw(pages: pages, index: position.page, body: body, top: position.top, rows: rows, message: message)
            message = nil

            guard let key = terminal.readKey() else { return }
            switch position.handle(key, lines: body.count, rows: rows) {
            case .quit: return
            case .runDemos: message = runDemos(page.demoIDs, terminal: terminal, width: width)
            case .redraw: break
            }
            // Follow the terminal when it is resized (a `.resize` key only gets us here).
            let newWidth = currentWidth()
            if newWidth != width { width = newWidth; pages = layout(width) }
        }
    }

    private func currentWidth() -> Int {
        guard let columns = TerminalEnvironment.terminalColumns() else { return environment.width }
        return min(columns, 100)
    }

    private func draw(pages: LessonPages, index: Int, body: [WrappedLine], top: Int, rows: Int, message: String?) {
        let width = pages.renderer.options.width
        let lang = language
        let position = Messages.text(.sectionOf, lang, String(index + 1), String(pages.all.count))
        let header = LineWrapper.wrap([StyledRun(pages.lesson.title, Theme.heading3), StyledRun(" · " + position, Theme.muted)],
                                      width: width).first ?? .empty
        var screen = "\u{1B}[H\u{1B}[2J" + pages.renderer.encode([header]) + "\n"
        let visible = body.dropFirst(top).prefix(rows)
        screen += pages.renderer.encode(Array(visible)) + "\n"
        screen += String(repeating: "\n", count: rows - visible.count)
        let hasDemo = !pages.all[index].demoIDs.isEmpty
        var help = Messages.text(hasDemo ? .keysHelp : .keysHelpNoRun, lang)
        if DisplayWidth.of(help) > width - 8 { help = Messages.text(hasDemo ? .keysHelpShort : .keysHelpShortNoRun, lang) }
        if body.count > rows {
            let percent = min(100, (top + rows) * 100 / max(body.count, 1))
            let scroll = DisplayWidth.of(help) + 14 <= width ? "j/k ↕ \(percent)% · " : "\(percent)% "
            help = scroll + help
        }
        let footerRuns = message.map { [StyledRun($0, Theme.warning)] } ?? [StyledRun(help, Theme.muted)]
        let footer = LineWrapper.wrap(footerRuns, width: width).first ?? .empty
        screen += pages.renderer.encode([footer])
        Output.write(screen)
    }

    /// Runs the section's demos on the normal screen (so their output stays in the scrollback),
    /// waits for a key, then returns to the lesson. Returns a note for the footer, if any.
    private func runDemos(_ ids: [String], terminal: RawTerminal, width: Int) -> String? {
        guard let runDemo, !ids.isEmpty else { return Messages.text(.noDemo, language) }
        Output.write(RawTerminal.leaveSequence)
        defer { Output.write(RawTerminal.enterSequence) }
        var failure: String? = nil
        for id in ids {
            Output.write("\n▶ llmcourse run \(id)\n\n")
            do {
                try runDemo(id, width)
            } catch {
                failure = Messages.text(.demoFailed, language, "\(error)")
                Output.write("\n" + failure! + "\n")
            }
        }
        Output.write("\n" + Messages.text(.demoFinished, language) + " " + Messages.text(.pressAnyKey, language) + " ")
        _ = terminal.readKey()
        Output.write("\r\u{1B}[2K")  // the prompt leaves no trace in the scrollback
        return failure
    }
}
