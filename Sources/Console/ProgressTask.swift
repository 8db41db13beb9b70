import Foundation

/// One piece of long work reported by a ``ProgressReporter``: a label, a count out of an
/// optional total and a short note (the current item). Safe to update from any thread.
public final class ProgressTask: @unchecked Sendable {
    let reporter: ProgressReporter
    let id: Int
    public let label: String
    let start: Double
    let lineInterval: Double
    // Mutated under the reporter's lock or the task's own; read by the reporter when drawing.
    private let lock = NSLock()
    private(set) var total: Int?
    private(set) var completed = 0
    private(set) var note: String?
    private var finished = false
    // Plain-lines bookkeeping, owned by the reporter.
    var lastLine = -Double.infinity
    var version = 0
    var versionWritten = -1
    var notesWritten = 0
    private(set) var notes = 0
    var linesWritten = 0

    init(reporter: ProgressReporter, id: Int, label: String, total: Int?, start: Double, lineInterval: Double) {
        self.reporter = reporter
        self.id = id
        self.label = label
        self.total = total
        self.start = start
        self.lineInterval = lineInterval
    }

    /// Counts `steps` more done; `note` names what comes next (a demo, a stage).
    public func advance(_ steps: Int = 1, note: String? = nil) {
        update { task in
            task.completed += steps
            if let note { task.rename(note) }
        }
    }

    /// Names the current item without counting a step, e.g. before a long step starts.
    public func note(_ text: String) {
        update { $0.rename(text) }
    }

    private func rename(_ text: String) {
        if text != note { notes += 1 }
        note = text
    }

    /// Sets the count outright (work that jumps, or a total learned late).
    public func set(completed: Int, total: Int? = nil) {
        update { task in
            task.completed = completed
            if let total { task.total = total }
        }
    }

    /// Ends the task: a live line is erased, plain output gets a closing line if it showed any.
    public func finish() {
        let first = lock.withLock { () -> Bool in
            defer { finished = true }
            return !finished
        }
        if first { reporter.ended(self) }
    }

    /// Seconds since the task started.
    public var elapsed: Double { reporter.now() - start }

    /// Estimated seconds left, from the average pace so far; nil until a step is done.
    func remaining(now: Double) -> Double? {
        guard let total, completed > 0, total > completed else { return nil }
        return (now - start) / Double(completed) * Double(total - completed)
    }

    private func update(_ change: (ProgressTask) -> Void) {
        let stillRunning = lock.withLock { () -> Bool in
            guard !finished else { return false }
            change(self)
            version += 1
            return true
        }
        if stillRunning { reporter.changed(self) }
    }
}

/// The text of a progress line, live or plain.
enum ProgressLine {
    /// `figures 3/22 mlp-train › training ███████░░░░░░░ 40/100 · 12 s left`, cut to `width - 1`
    /// columns so the terminal never wraps it (a wrapped line cannot be redrawn in place).
    static func live(_ tasks: [ProgressTask], now: Double, width: Int) -> String {
        guard let inner = tasks.last else { return "" }
        var parts = tasks.dropLast().map { counted($0) }
        var last = inner.label
        if let total = inner.total, total > 0 {
            let used = parts.map(DisplayWidth.of).reduce(0, +) + DisplayWidth.of(last) + 30
            let barWidth = max(0, min(24, width - used))
            if barWidth >= 6 { last += " " + bar(Double(inner.completed) / Double(total), width: barWidth) }
            last += " \(inner.completed)/\(total)"
        } else if inner.completed > 0 {
            last += " \(inner.completed)"
        }
        if let note = inner.note { last += " " + note }
        last += " · " + (inner.remaining(now: now).map { duration($0) + " left" } ?? duration(now - inner.start))
        parts.append(last)
        return fit(parts.joined(separator: " › "), columns: width - 1)
    }

    /// `training: 40/100 (40%), about 12 s left`
    static func plain(_ task: ProgressTask, now: Double) -> String {
        var line = task.label + ":"
        if let total = task.total, total > 0 {
            line += " \(task.completed)/\(total) (\(task.completed * 100 / total)%)"
        } else {
            line += " \(task.completed)"
        }
        if let note = task.note { line += " " + note }
        if let left = task.remaining(now: now) { line += ", about " + duration(left) + " left" }
        return line
    }

    static func done(_ task: ProgressTask, now: Double) -> String {
        let count = task.total.map { "\(task.completed)/\($0)" } ?? "\(task.completed)"
        return "\(task.label): done, \(count) in \(duration(now - task.start))"
    }

    /// Outer tasks named before an inner task's line: `figures 3/22 mlp-train › `.
    static func prefix(_ outer: ArraySlice<ProgressTask>) -> String {
        outer.map { counted($0) + " › " }.joined()
    }

    private static func counted(_ task: ProgressTask) -> String {
        var s = task.label + (task.total.map { " \(task.completed)/\($0)" } ?? "")
        if let note = task.note { s += " " + note }
        return s
    }

    static func bar(_ fraction: Double, width: Int) -> String {
        let filled = Int((max(0, min(1, fraction)) * Double(width)).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// `8 s`, `2 min 05 s`, `1 h 04 min`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(max(0, seconds).rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(String(format: "%02d", s % 60)) s" }
        return "\(s / 3600) h \(String(format: "%02d", s % 3600 / 60)) min"
    }

    static func fit(_ s: String, columns: Int) -> String {
        guard DisplayWidth.of(s) > columns else { return s }
        var out = "", used = 0
        for ch in s {
            let w = DisplayWidth.of(ch)
            if used + w > columns - 1 { break }
            out.append(ch); used += w
        }
        return out + "…"
    }
}
