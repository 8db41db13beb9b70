import CheckProtocol
import Console
import Course
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `llmcourse watch`: grade the current exercise, then again after every save.
///
/// Keys: `t` the task again, `h` next hint, `n` next exercise (once this one passes), `r` run
/// again, `q` quit. The task is shown when the working copy is made. A save is graded after
/// 150 ms without further changes, so an editor's burst of writes gives one run.
///
/// Task and hints are Markdown; the command passes renderers (`task`, `markdown`) so they
/// look as `llmcourse exercise` and `llmcourse hint` show them.
public final class WatchSession {
    let grader: Grader
    let language: CourseLanguage
    let style: Palette
    let forcePolling: Bool
    var exercise: Exercise
    var output: (String) -> Void
    let task: (Exercise) -> String
    let markdown: (Exercise) -> (String) -> String

    public init(grader: Grader, exercise: Exercise, language: CourseLanguage, style: Palette, forcePolling: Bool,
                task: @escaping (Exercise) -> String = { _ in "" },
                markdown: @escaping (Exercise) -> (String) -> String = { _ in { $0 } },
                output: @escaping (String) -> Void = { print($0) }) {
        self.grader = grader
        self.exercise = exercise
        self.language = language
        self.style = style
        self.forcePolling = forcePolling
        self.task = task
        self.markdown = markdown
        self.output = output
    }

    /// Runs until `q` (or end of input); returns normally with the terminal restored.
    public func run() throws {
        let keys = RawTerminal()
        // Ctrl-C restores the terminal and ends the session; a compile or run under way dies with it.
        RawTerminal.beforeExit = { ChildProcess.killRunningChildren() }
        keys.enter(alternateScreen: false)
        defer { keys.leave() }
        var lastVerdict = try gradeAndShow()
        var watcher = FileWatcher(files: grader.workspace.files(for: exercise), forcePolling: forcePolling)
        var pendingSince: UInt64?
        while true {
            var descriptors = [pollfd(fd: keys.isActive ? STDIN_FILENO : -1, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)]
            _ = poll(&descriptors, 2, watcher.mechanism == .polling || pendingSince != nil ? 150 : 1000)
            if watcher.changed() { pendingSince = DispatchTime.now().uptimeNanoseconds }
            if let since = pendingSince, DispatchTime.now().uptimeNanoseconds - since >= 150_000_000 {
                pendingSince = nil
                lastVerdict = try gradeAndShow()
            }
            guard keys.isActive, case .character(let key)? = keys.pendingKey() else { continue }
            switch key {
            case "q", "Q", "\u{04}":
                output(say(.bye, files()))
                return
            case "t", "T":
                output(task(exercise) + "\n")
            case "h", "H":
                let reveal = try HintBook.reveal(exercise, language: language, store: grader.store)
                output(HintBook.render(reveal, exercise: exercise, style: style, language: language, format: markdown(exercise)))
            case "r", "R":
                lastVerdict = try gradeAndShow()
            case "n", "N":
                guard lastVerdict.passed else {
                    output(style.yellow(say(.passFirst)))
                    continue
                }
                guard let next = try grader.firstNotPassed(skipping: exercise.id) else {
                    output(style.green(say(.allPassed)))
                    continue
                }
                exercise = next
                lastVerdict = try gradeAndShow()
                watcher = FileWatcher(files: grader.workspace.files(for: exercise), forcePolling: forcePolling)
            default:
                continue
            }
        }
    }

    private func say(_ key: ExerciseMessages.Key, _ args: String...) -> String {
        MessageTemplate.fill(ExerciseMessages.template(key, language), args)
    }

    private func files() -> String {
        grader.workspace.files(for: exercise).map(\.path).joined(separator: ", ")
    }

    private func gradeAndShow() throws -> Verdict {
        let created = try grader.workspace.prepare(exercise)
        if style.color { output("\u{1B}[2J\u{1B}[H") }
        // A new working copy means a new exercise: its task first.
        if !created.isEmpty { output(task(exercise) + "\n") }
        for file in created { output(say(.createdWorkingCopyShort, file.path)) }
        output(style.dim(say(.grading, exercise.id)))
        let attempt = try grader.attempt(exercise.id)
        let verdict = attempt.verdict
        output(VerdictRenderer(style: style, language: language).render(verdict, title: exercise.text(language).title))
        if let problem = attempt.progressError { output(say(.progressNotSaved, "\(problem)")) }
        output("")
        // One line when it fits (Chinese takes two columns a character), else the keys below.
        let watching = say(.watching, files()), keys = say(.watchKeys)
        let oneLine = Palette.columns(of: watching) + 2 + Palette.columns(of: keys) <= style.width
        output(style.dim(watching + (oneLine ? "  " : "\n") + keys))
        return verdict
    }
}
