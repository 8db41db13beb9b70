/// The terminal summary of a ``Verdict``: a headline, then one line per check with the
/// first failure expanded (message, numbers, output), then what to do next.
public struct VerdictRenderer {
    public var style: TextStyle

    public init(style: TextStyle) { self.style = style }

    public func render(_ verdict: Verdict, title: String? = nil) -> String {
        var lines: [String] = []
        let seconds = String(format: "%.1f", verdict.durationMilliseconds / 1000)
        let name = title.map { "\(verdict.exercise) — \($0)" } ?? verdict.exercise
        switch verdict.status {
        case .pass:
            lines.append(style.green(style.bold("✓ \(name)")) + " passed: \(verdict.score)/\(verdict.maxScore) points (\(seconds) s)")
        case .fail:
            lines.append(style.red(style.bold("✗ \(name)")) + ": \(verdict.score)/\(verdict.maxScore) points (seed \(verdict.seed), \(seconds) s)")
        case .error:
            lines.append(style.red(style.bold("✗ \(name)")) + ": " + headline(verdict))
        }
        if let message = verdict.message, verdict.errorKind != .compile || verdict.diagnostics?.isEmpty != false {
            lines += indent(message, by: 2).map { style.yellow($0) }
        }
        if let diagnostics = verdict.diagnostics, !diagnostics.isEmpty {
            if let message = verdict.message { lines += indent(message, by: 2) }
            for diagnostic in diagnostics.filter({ $0.severity == "error" }).prefix(5) {
                let place = diagnostic.file.isEmpty ? "" : "\(diagnostic.location): "
                lines.append("  " + style.bold(place) + style.red("error: ") + diagnostic.message)
                lines += indent(diagnostic.excerpt, by: 4).prefix(6).map { style.dim($0) }
            }
            let more = diagnostics.filter { $0.severity == "error" }.count - 5
            if more > 0 { lines.append("  … and \(more) more error\(more == 1 ? "" : "s")") }
        }
        var expanded = false
        for test in verdict.tests {
            let points = "(\(test.score)/\(test.maxScore))"
            switch test.status {
            case .pass:
                lines.append("  " + style.green("✓") + " \(test.name) " + style.dim(points))
            default:
                let mark = test.status == .timeout ? "⏱" : "✗"
                let label = test.status == .fail ? "" : " [\(test.status.rawValue)]"
                if !expanded {
                    expanded = true
                    lines.append("  " + style.red(mark) + " " + style.bold(test.name) + label + " " + style.dim(points))
                    if let message = test.message { lines += indent(message, by: 6) }
                    if let output = test.output, !output.isEmpty {
                        lines.append("      " + style.dim("your code printed\(test.outputTruncated == true ? " (first 500 characters)" : ""):"))
                        lines += indent(output, by: 8).prefix(12).map { style.dim($0) }
                    }
                } else {
                    let first = test.message?.split(separator: "\n").first.map(String.init) ?? ""
                    let line = "  \(mark) \(test.name)\(label) \(points)" + (first.isEmpty ? "" : " — \(first)")
                    lines.append(style.fit(line, columns: style.width))
                }
            }
        }
        if let output = verdict.output, !output.isEmpty, verdict.status != .pass {
            lines.append("  " + style.dim("output outside the checks:"))
            lines += indent(output, by: 4).prefix(12).map { style.dim($0) }
        }
        lines += footer(verdict)
        return lines.joined(separator: "\n")
    }

    private func headline(_ verdict: Verdict) -> String {
        switch verdict.errorKind {
        case .compile: return "does not compile"
        case .timeout: return "timed out"
        case .memory: return "ran out of memory"
        case .crash: return "crashed"
        case .outputLimit: return "printed too much"
        case .internal, nil: return "could not be graded"
        }
    }

    private func footer(_ verdict: Verdict) -> [String] {
        var lines: [String] = []
        let file = verdict.files.joined(separator: ", ")
        switch verdict.status {
        case .pass:
            lines.append("  See the course library's version: " + style.bold("llmcourse solution \(verdict.exercise)"))
        case .fail, .error:
            if !file.isEmpty { lines.append("  Your file: " + style.bold(file)) }
            if !verdict.tests.isEmpty {
                lines.append("  Same inputs again: " + style.bold("llmcourse check \(verdict.exercise) --seed \(verdict.seed)")
                             + "   A hint: " + style.bold("llmcourse hint \(verdict.exercise)"))
            } else {
                lines.append("  A hint: " + style.bold("llmcourse hint \(verdict.exercise)"))
            }
        }
        if verdict.isolation != Sandbox.Mode.bubblewrap.rawValue {
            lines.append(style.dim("  (isolation: \(verdict.isolation))"))
        }
        return lines
    }

    private func indent(_ text: String, by spaces: Int) -> [String] {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }
    }
}
