import Console
import Course

/// Code blocks in the terminal: Swift colored by ``SwiftHighlighter``, includes shown from the
/// live source file, and `run <demo-id>` steps shown as the command that runs them.
///
/// Code is never re-flowed: a line longer than the room is cut (after a space, comma or
/// operator when there is one near the end, see ``CodeLineBreaker``) and continued on the
/// next line at its own indentation after a ↪, so nothing is hidden. With color on, code sits behind a dim
/// bar; in plain text it is indented by four spaces, as in Markdown itself.
struct CodeBlockRenderer {
    let options: RenderOptions

    /// What the info string of a fenced block asks for.
    struct Info {
        var language: String
        var runDemo: String?
        var include: String?

        init(_ info: String) {
            let words = info.split(separator: " ").map(String.init)
            language = words.first ?? ""
            runDemo = language == "run" && words.count > 1 ? words[1] : nil
            include = words.first(where: { $0.hasPrefix("include=") }).map { String($0.dropFirst("include=".count)) }
        }
    }

    func lines(info rawInfo: String, literal: String) -> [WrappedLine] {
        let info = Info(rawInfo)
        if let demo = info.runDemo { return runStep(demo: demo, literal: literal) }
        var out: [WrappedLine] = []
        var code = literal
        if let include = info.include {
            if let live = options.includeSource?(include) {
                code = live
                out.append(plainLine(Self.truncatedLeft(include, to: options.width - 2), Theme.muted, indent: 2))
            } else {
                out += LineWrapper.wrap([StyledRun("⚠ " + Messages.text(.includeMissing, options.language, include), Theme.warning)],
                                        width: options.width)
            }
        }
        out += body(code, swift: info.language == "swift")
        return out
    }

    private func body(_ code: String, swift: Bool) -> [WrappedLine] {
        var text = code.replacingTabs()
        while text.hasSuffix("\n") { text.removeLast() }
        let tokenLines: [[StyledRun]]
        if swift {
            tokenLines = SwiftHighlighter.highlight(text).map { $0.map { StyledRun($0.text, SwiftHighlighter.style(for: $0.kind)) } }
        } else {
            tokenLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [StyledRun(String($0))] }
        }
        let prefix = options.color ? StyledRun("  │ ", Theme.codeFrame) : StyledRun("    ")
        let room = max(options.width - 4, 8)
        var out: [WrappedLine] = []
        for runs in tokenLines {
            // A cut line continues at its own indentation after a dim ↪, so the continuation
            // is not mistaken for a new line and still sits inside the code's structure.
            let indent = min(CodeLineBreaker.indent(of: runs), room / 2)
            let pieces = CodeLineBreaker.split(CodeLineBreaker.Line(runs: runs), firstWidth: room, restWidth: room - indent - 2)
            for (k, piece) in pieces.enumerated() {
                if k > 0 {
                    let marker = StyledRun(String(repeating: " ", count: indent) + "↪ ", Theme.codeFrame)
                    out.append(WrappedLine(runs: [prefix, marker] + piece.runs, width: 4 + indent + 2 + piece.width))
                } else if piece.width == 0 {
                    // A blank code line keeps the bar (in color) but no trailing spaces.
                    let bar = String(prefix.text.reversed().drop(while: { $0 == " " }).reversed())
                    out.append(WrappedLine(runs: [StyledRun(bar, prefix.style)], width: DisplayWidth.of(bar)))
                } else {
                    out.append(WrappedLine(runs: [prefix] + piece.runs, width: piece.width + 4))
                }
            }
        }
        return out
    }

    private func runStep(demo: String, literal: String) -> [WrappedLine] {
        var title = Messages.text(.runStep, options.language, demo)
        if options.interactive { title += " — " + Messages.text(.runStepKey, options.language) }
        var out = LineWrapper.wrap([StyledRun("▶ ", Theme.runStep), StyledRun(title, Theme.runStep)], width: options.width)
        var commands = literal.split(separator: "\n").map { $0.trimmedWhitespace }.filter { !$0.isEmpty }
        if commands.isEmpty { commands = ["llmcourse run \(demo)"] }
        for command in commands {
            out += Self.hardSplit([StyledRun("$ ", Theme.muted), StyledRun(command, Theme.inlineCode)], width: max(options.width - 4, 8))
                .map { WrappedLine(runs: [StyledRun("    ")] + $0.runs, width: $0.width + 4) }
        }
        return out
    }

    private func plainLine(_ text: String, _ style: TextStyle, indent: Int) -> WrappedLine {
        WrappedLine(runs: [StyledRun(String(repeating: " ", count: indent)), StyledRun(text, style)],
                    width: indent + DisplayWidth.of(text))
    }

    /// `…/Fundamentals/ScalarValue.swift#tanh`: a path too long for the line loses its start.
    static func truncatedLeft(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        var kept: [Character] = []
        var used = 1
        for ch in text.reversed() {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            kept.append(ch)
            used += w
        }
        return "…" + String(kept.reversed())
    }

    /// Cuts one line of styled runs into pieces at most `width` columns wide, between characters.
    static func hardSplit(_ runs: [StyledRun], width: Int) -> [WrappedLine] {
        let total = runs.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total <= width { return [WrappedLine(runs: runs, width: total)] }  // the usual case
        var lines: [WrappedLine] = []
        var current: [StyledRun] = []
        var currentWidth = 0
        for run in runs {
            var piece = ""
            for ch in run.text {
                let w = DisplayWidth.of(ch)
                if currentWidth + w > width && currentWidth > 0 {
                    if !piece.isEmpty { current.append(StyledRun(piece, run.style)) }
                    lines.append(WrappedLine(runs: current, width: currentWidth))
                    current = []
                    currentWidth = 0
                    piece = ""
                }
                piece.append(ch)
                currentWidth += w
            }
            if !piece.isEmpty { current.append(StyledRun(piece, run.style)) }
        }
        lines.append(WrappedLine(runs: current, width: currentWidth))
        return lines
    }
}
