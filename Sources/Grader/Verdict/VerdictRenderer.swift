import Console
import Course

/// The terminal summary of a ``Verdict``: a headline, then one line per check with the
/// first failure expanded (message, numbers, output), then what to do next.
///
/// The grader's own words come out in `language` (from ``VerdictLabels`` and each message's
/// ``VerdictNote``); what the checks and the compiler wrote is shown as they wrote it.
///
/// ```swift
/// print(VerdictRenderer(style: .forStandardOutput(), language: .traditionalChinese).render(verdict, title: "矩陣乘法"))
/// ```
public struct VerdictRenderer {
    public var style: Palette
    public var language: CourseLanguage

    public init(style: Palette, language: CourseLanguage = .english) {
        self.style = style
        self.language = language
    }

    private func say(_ key: VerdictLabels.Key, _ args: String...) -> String {
        MessageTemplate.fill(VerdictLabels.template(key, language), args)
    }

    public func render(_ verdict: Verdict, title: String? = nil) -> String {
        var lines: [String] = []
        let seconds = String(format: "%.1f", verdict.durationMilliseconds / 1000)
        let name = title.map { "\(verdict.exercise) — \($0)" } ?? verdict.exercise
        switch verdict.status {
        case .pass:
            lines.append(style.green(style.bold("✓ \(name)")) + say(.passed, "\(verdict.score)", "\(verdict.maxScore)", seconds))
        case .fail:
            lines.append(style.red(style.bold("✗ \(name)")) + say(.scored, "\(verdict.score)", "\(verdict.maxScore)", "\(verdict.seed)", seconds))
        case .error:
            lines.append(style.red(style.bold("✗ \(name)")) + (language == .traditionalChinese ? "：" : ": ") + headline(verdict))
        }
        let message = verdict.note?.text(language) ?? verdict.message
        if let message, verdict.errorKind != .compile || verdict.diagnostics?.isEmpty != false {
            lines += indent(message, by: 2).map { style.yellow($0) }
        }
        if let diagnostics = verdict.diagnostics, !diagnostics.isEmpty {
            if let message { lines += indent(message, by: 2) }
            for diagnostic in diagnostics.filter({ $0.severity == "error" }).prefix(5) {
                let place = diagnostic.file.isEmpty ? "" : "\(diagnostic.location): "
                lines.append("  " + style.bold(place) + style.red(say(.compilerError)) + diagnostic.message)
                lines += indent(diagnostic.excerpt, by: 4).prefix(6).map { style.dim($0) }
            }
            let more = diagnostics.filter { $0.severity == "error" }.count - 5
            if more > 0 { lines.append("  " + say(.moreErrors, "\(more)")) }
        }
        var expanded = false
        for test in verdict.tests {
            let points = "(\(test.score)/\(test.maxScore))"
            let name = test.displayName(language)
            switch test.status {
            case .pass:
                lines.append("  " + style.green("✓") + " \(name) " + style.dim(points))
            default:
                let mark = test.status == .timeout ? "⏱" : "✗"
                let label = test.status == .fail ? "" : " [\(say(test.status == .timeout ? .statusTimeout : .statusError))]"
                let testMessage = test.note?.text(language)
                    ?? NumericSummary.localize(test.message, details: test.numeric, language)
                    ?? CheckPhrases.localize(test.message, language) ?? test.message
                if !expanded {
                    expanded = true
                    lines.append("  " + style.red(mark) + " " + style.bold(name) + label + " " + style.dim(points))
                    if let testMessage { lines += indent(testMessage, by: 6) }
                    if let output = test.output, !output.isEmpty {
                        lines.append("      " + style.dim(test.outputTruncated == true ? say(.yourCodePrintedFirst, "500") : say(.yourCodePrinted)))
                        lines += indent(output, by: 8).prefix(12).map { style.dim($0) }
                    }
                } else {
                    let first = testMessage?.split(separator: "\n").first.map(String.init) ?? ""
                    let line = "  \(mark) \(name)\(label) \(points)" + (first.isEmpty ? "" : " — \(first)")
                    lines.append(style.fit(line, columns: style.width))
                }
            }
        }
        if let output = verdict.output, !output.isEmpty, verdict.status != .pass {
            lines.append("  " + style.dim(say(.outputOutsideChecks)))
            lines += indent(output, by: 4).prefix(12).map { style.dim($0) }
        }
        lines += footer(verdict)
        return lines.flatMap(fitted).joined(separator: "\n")
    }

    /// A line wider than the terminal wraps under its own text instead of running off the edge:
    /// a headline or check line (✓ ✗ ⏱) continues under the name after its mark, any other
    /// line under its own indent.
    private func fitted(_ line: String) -> [String] {
        let text = TextWrap.stripSGR(line).drop(while: { $0 == " " })
        let hanging = ["✓", "✗", "⏱"].contains(where: { text.hasPrefix($0) }) ? 2 : 0
        return TextWrap.lines(line, width: style.width, hanging: hanging)
    }

    private func headline(_ verdict: Verdict) -> String {
        switch verdict.errorKind {
        case .compile: return say(.doesNotCompile)
        case .timeout: return say(.timedOut)
        case .memory: return say(.outOfMemory)
        case .crash: return say(.crashed)
        case .outputLimit: return say(.printedTooMuch)
        case .internal, nil: return say(.notGradable)
        }
    }

    private func footer(_ verdict: Verdict) -> [String] {
        var lines: [String] = []
        let file = verdict.files.joined(separator: ", ")
        switch verdict.status {
        case .pass:
            lines.append("  " + say(.seeSolution, style.bold("llmcourse solution \(verdict.exercise)")))
        case .fail, .error:
            if !file.isEmpty { lines.append("  " + say(.yourFile, style.bold(file))) }
            let hintCommand = "llmcourse hint \(verdict.exercise)"
            let hint = say(.aHint, style.bold(hintCommand))
            if !verdict.tests.isEmpty {
                let againCommand = "llmcourse check \(verdict.exercise) --seed \(verdict.seed)"
                let again = say(.sameInputs, style.bold(againCommand))
                // Side by side when both fit (measured without color codes; Chinese counts double).
                let width = 2 + Palette.columns(of: say(.sameInputs, againCommand)) + 3 + Palette.columns(of: say(.aHint, hintCommand))
                lines += width <= style.width ? ["  " + again + "   " + hint] : ["  " + again, "  " + hint]
            } else {
                lines.append("  " + hint)
            }
        }
        if verdict.isolation != Sandbox.Mode.bubblewrap.rawValue {
            lines.append(style.dim("  " + say(.isolation, verdict.isolation)))
        }
        return lines
    }

    private func indent(_ text: String, by spaces: Int) -> [String] {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    }
}
