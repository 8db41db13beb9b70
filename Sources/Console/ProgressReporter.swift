import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shows that long work is moving: what is being done, how far it is and about how long is left.
///
/// - `.live`: one line on a terminal, redrawn in place (`\r` and erase) and erased when the
///   work ends, so nothing of it stays in the scrollback or in piped output.
/// - `.lines`: plain lines for logs and CI, at most one per task every `lineInterval` seconds
///   (or one per step for tasks made with `lineEvery: 0`), and a closing line with the time taken.
/// - `.off`: nothing.
///
/// Work shorter than `delay` shows nothing at all. Nested tasks (a demo's training inside the
/// site build's figure run) share the line: `figures 3/22 mlp-train › training ███░░ 40/100`.
///
/// ```swift
/// let reporter = ProgressReporter.standardError()
/// let task = reporter.task("training", total: steps)
/// for _ in 0..<steps { step(); task.advance() }
/// task.finish()
/// ```
/// The clock and the writer are injected so tests drive time by hand and read what was written.
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Equatable, Sendable {
        case live(width: Int)
        case lines
        case off
    }

    public let style: Style
    let delay: Double
    let lineInterval: Double
    let now: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    // One lock for the task stack and the screen: a redraw never interleaves with other output.
    private let lock = NSLock()
    private var tasks: [ProgressTask] = []
    private var nextID = 0
    private var lineOnScreen = false
    private var lastDraw = -Double.infinity
    private var ticker: Thread?

    public init(style: Style, delay: Double = 1, lineInterval: Double = 5,
                now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime },
                write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.delay = delay
        self.lineInterval = lineInterval
        self.now = now
        self.write = write
    }

    /// Reports nothing; the default for demos run by tests.
    public static let silent = ProgressReporter(style: .off) { _ in }

    /// Progress on standard error: live on a terminal, plain lines otherwise, none with
    /// `LLMCOURSE_PROGRESS=0`. A background tick keeps the elapsed time and estimate moving
    /// while a single long step runs.
    public static func standardError(environment env: [String: String] = ProcessInfo.processInfo.environment) -> ProgressReporter {
        let write: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
        if env["LLMCOURSE_PROGRESS"] == "0" { return ProgressReporter(style: .off, write: write) }
        guard isatty(STDERR_FILENO) == 1, env["TERM"] != "dumb" else { return ProgressReporter(style: .lines, write: write) }
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        let reporter = ProgressReporter(style: .live(width: columns), write: write)
        reporter.startTicking()
        return reporter
    }

    /// Starts a task; it shows once it has run for `delay` seconds. `lineEvery` overrides the
    /// plain-lines interval (0: a line for every step, for a few long steps such as demos).
    public func task(_ label: String, total: Int? = nil, lineEvery: Double? = nil) -> ProgressTask {
        lock.lock(); defer { lock.unlock() }
        nextID += 1
        let task = ProgressTask(reporter: self, id: nextID, label: label, total: total, start: now(),
                                lineInterval: lineEvery ?? lineInterval)
        if style != .off { tasks.append(task) }
        return task
    }

    /// Runs `body` (which writes other output) with the live line erased; the next tick redraws it.
    public func withLineCleared<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        eraseLine()
        return try body()
    }

    /// Re-evaluates what to show now: the redraw (live) or the periodic line (lines).
    public func tick() {
        lock.lock(); defer { lock.unlock() }
        refresh()
    }

    // MARK: called by ProgressTask

    func changed(_ task: ProgressTask) {
        lock.lock(); defer { lock.unlock() }
        refresh()
    }

    func ended(_ task: ProgressTask) {
        lock.lock(); defer { lock.unlock() }
        guard let index = tasks.firstIndex(where: { $0 === task }) else { return }
        if case .lines = style, task.linesWritten > 0 {
            write(ProgressLine.prefix(tasks[..<index]) + ProgressLine.done(task, now: now()) + "\n")
        }
        tasks.remove(at: index)
        lastDraw = -.infinity  // the outer task shows again at once, without the finished one
        if tasks.isEmpty { eraseLine() } else { refresh() }
    }

    // MARK: drawing (lock held)

    private func refresh() {
        let t = now()
        let visible = tasks.filter { t - $0.start >= delay }
        switch style {
        case .off: return
        case .live(let width):
            guard !visible.isEmpty else { return eraseLine() }
            // A fast loop advances thousands of times a second; ten redraws a second read as smooth.
            guard !lineOnScreen || t - lastDraw >= 0.1 else { return }
            write("\r\u{1B}[2K" + ProgressLine.live(visible, now: t, width: width))
            lineOnScreen = true
            lastDraw = t
        case .lines:
            for (i, task) in visible.enumerated() where plainLineDue(task, now: t) {
                write(ProgressLine.prefix(visible[..<i]) + ProgressLine.plain(task, now: t) + "\n")
                task.lastLine = t
                task.versionWritten = task.version
                task.notesWritten = task.notes
                task.linesWritten += 1
            }
        }
    }

    /// A per-step task writes when it reaches a new named item; others when there is news and
    /// the interval has passed.
    private func plainLineDue(_ task: ProgressTask, now t: Double) -> Bool {
        if task.linesWritten == 0 { return true }
        if task.lineInterval == 0 { return task.notes != task.notesWritten }
        return t - task.lastLine >= task.lineInterval && task.version != task.versionWritten
    }

    private func eraseLine() {
        guard lineOnScreen else { return }
        write("\r\u{1B}[2K")
        lineOnScreen = false
    }

    private func startTicking() {
        let thread = Thread { [weak self] in
            while let reporter = self {
                reporter.tick()
                Thread.sleep(forTimeInterval: 0.25)
            }
        }
        ticker = thread
        thread.start()
    }
}
