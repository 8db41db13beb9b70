import Console

/// Progress for a demo's long work, and narration that fits the width it is given.
///
/// A demo that trains or measures for more than a second shows it is moving:
/// ```swift
/// let training = context.progress("training", total: steps)
/// for step in 0..<steps { …; training.advance() }
/// training.finish()
/// ```
/// The reporter decides where that goes (a redrawn line on standard error, plain lines in a
/// log, nothing in tests), so the demo's printed output stays the same everywhere.
extension DemoContext {
    /// A task on this run's progress reporter; finish it when the work is done.
    public func progress(_ label: String, total: Int? = nil) -> ProgressTask {
        let task = progressReporter.task(label, total: total)
        progressTasks.append(task)
        return task
    }

    /// Ends whatever progress the demo left open (it threw, or forgot), so no stale line stays
    /// on screen and an enclosing task (the site build's) shows alone again.
    public func finishProgress() {
        for task in progressTasks { task.finish() }
        progressTasks.removeAll()
    }

    /// Writes text as it is (figures, tables), with any progress line erased first.
    func emit(_ text: String) {
        progressReporter.withLineCleared { writeRaw(text) }
    }

    /// Narration wrapped to ``width`` by words. A preformatted line (a table row) that fits is
    /// left alone; one that does not is still wrapped, under a deeper indent: a broken row reads
    /// better than one the terminal cuts off.
    func wrapped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            guard TextWrap.visibleWidth(line) > width else { return [line] }
            let hanging = NarrationLayout.isPreformatted(line) ? 2 : NarrationLayout.hangingIndent(line)
            return TextWrap.lines(line, width: width, hanging: hanging)
        }.joined(separator: "\n")
    }
}

/// How narration lines are told from preformatted ones.
enum NarrationLayout {
    /// Tables and figures: column gaps of two or more spaces inside the line, box drawing,
    /// block and braille characters, or a `|` table row. Wrapping these would scramble columns.
    static func isPreformatted(_ line: String) -> Bool {
        let body = line.drop(while: { $0 == " " })
        if body.hasPrefix("|") { return true }
        if withoutBrackets(body.trimmingTrailingSpaces()).contains("  ") { return true }
        return body.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) }
    }

    /// The text outside `[ … ]`: spaces that align numbers inside a vector are not column gaps.
    static func withoutBrackets(_ text: Substring) -> String {
        var depth = 0
        return String(text.filter { ch in
            if ch == "[" { depth += 1 } else if ch == "]" { depth = max(0, depth - 1); return false }
            return depth == 0
        })
    }

    /// Continuation lines of a list item line up under its text, not under its marker.
    static func hangingIndent(_ line: String) -> Int {
        let body = line.drop(while: { $0 == " " })
        for marker in ["- ", "• ", "* ", "→ "] where body.hasPrefix(marker) { return marker.count }
        if let dot = body.firstIndex(of: "."), body[..<dot].allSatisfy(\.isNumber), !body[..<dot].isEmpty,
           body[dot...].hasPrefix(". ") {
            return body.distance(from: body.startIndex, to: dot) + 2
        }
        return 0
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
