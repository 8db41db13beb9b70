import Foundation

/// Inline math is written `$…$`, so a paragraph with an odd number of unescaped `$` has math
/// that never closes (and would swallow the rest of the paragraph on the site).
///
/// libcmark turns `\$` into a plain `$`, so escaped dollars are counted in the paragraph's
/// source lines and subtracted.
struct MathRule: LintRule {
    let name = "math"

    func check(_ context: LintContext) -> [LintProblem] {
        var problems: [LintProblem] = []
        for lesson in context.allLessons {
            // Split into lines only when a paragraph needs its escapes counted.
            var lines: [Substring]?
            for (content, range) in Prose.paragraphs(lesson.document.blocks) {
                let dollars = textDollars(content)
                guard dollars % 2 == 1 else { continue }
                if lines == nil { lines = lesson.document.source.split(separator: "\n", omittingEmptySubsequences: false) }
                guard range.start.line >= 1, range.end.line <= lines!.count else { continue }
                let escaped = lines![(range.start.line - 1)..<range.end.line].reduce(0) { $0 + $1.components(separatedBy: "\\$").count - 1 }
                if (dollars - escaped) % 2 != 0 {
                    problems.append(LintProblem(path: lesson.path, at: range.start,
                        message: "unbalanced `$`: close inline math with a second `$`, or write `\\$` for a dollar sign"))
                }
            }
        }
        return problems
    }

    /// `$` characters in text (not code spans, not link destinations).
    private func textDollars(_ inlines: [Inline]) -> Int {
        inlines.reduce(0) { count, inline in
            switch inline {
            case .text(let s): return count + s.utf8.reduce(0) { $1 == UInt8(ascii: "$") ? $0 + 1 : $0 }
            case .emphasis(let c), .strong(let c), .link(_, _, let c, _): return count + textDollars(c)
            default: return count
            }
        }
    }
}
