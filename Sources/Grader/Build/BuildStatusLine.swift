import Console
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line on standard error that follows a `swift build`: `[412/980] Compiling Tensors …`
/// becomes "  412/980 (42%) Compiling Tensors …", redrawn in place and fitted to the terminal.
/// When standard error is not a terminal nothing is drawn (the line before the build already
/// said what is happening).
final class BuildStatusLine {
    private let interactive: Bool
    private let width: Int
    private let write: (String) -> Void
    private var pending = ""
    private var drawn = false

    init(interactive: Bool = isatty(STDERR_FILENO) == 1, width: Int = TerminalEnvironment.terminalColumns() ?? 80,
         write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.interactive = interactive
        self.width = width
        self.write = write
    }

    func show(_ chunk: String) {
        pending += chunk
        // Whole lines only; the rest waits for the next piece.
        guard let cut = pending.lastIndex(of: "\n") else { return }
        let lines = pending[..<cut].split(separator: "\n")
        pending = String(pending[pending.index(after: cut)...])
        guard interactive, let step = lines.reversed().lazy.compactMap(Self.step).first else { return }
        let percent = step.total > 0 ? 100 * step.done / step.total : 0
        let text = "  \(step.done)/\(step.total) (\(percent)%) \(step.what)"
        write("\r\u{1B}[2K" + Palette(color: false, width: width).fit(text, columns: width - 1))
        drawn = true
    }

    func clear() {
        if drawn { write("\r\u{1B}[2K") }
        drawn = false
    }

    /// `[12/345] Compiling X` → (12, 345, "Compiling X"); nil for other lines.
    static func step(_ line: Substring) -> (done: Int, total: Int, what: String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let numbers = line[line.index(after: line.startIndex)..<close].split(separator: "/")
        guard numbers.count == 2, let done = Int(numbers[0]), let total = Int(numbers[1]) else { return nil }
        return (done, total, line[line.index(after: close)...].trimmingCharacters(in: .whitespaces))
    }
}
