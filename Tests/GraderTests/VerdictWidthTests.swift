import CheckProtocol
import Console
import Course
import Foundation
@testable import Grader
import Testing

/// Verdicts fit the terminal: a line that would run past the width wraps under its own text.
@Suite("Verdicts fit the width")
struct VerdictWidthTests {
    func verdict(_ status: Verdict.Status, tests: [CheckResult], message: String? = nil) -> Verdict {
        Verdict(exercise: "attention-scores", status: status, errorKind: nil, message: message, note: nil,
                score: tests.reduce(0) { $0 + $1.score }, maxScore: tests.reduce(0) { $0 + $1.maxScore }, seed: 7_923_301_455,
                durationMilliseconds: 123, compileMilliseconds: nil, isolation: Sandbox.Mode.bubblewrap.rawValue,
                limits: .init(timeoutSeconds: 2, memoryMegabytes: 256, outputBytes: 65536, network: false),
                tests: tests, diagnostics: nil, files: ["workspace/attention-scores/AttentionScores.swift"],
                output: nil, outputTruncated: nil)
    }

    func check(_ name: String, _ status: CheckResult.Status, message: String? = nil) -> CheckResult {
        var result = CheckResult(name: name, status: status, score: status == .pass ? 2 : 0, maxScore: 2, seed: 7)
        result.message = message
        return result
    }

    var verdicts: [Verdict] {
        let long = "scaled dot-product scores of a query against every key, divided by the square root of the head size"
        return [
            verdict(.pass, tests: [check(long, .pass), check("a 2×2 example", .pass)]),
            verdict(.fail, tests: [check(long, .fail, message: "expected 0.7071067811865476 at row 3, column 12 but your function returned 0.5000000000000001; check that you divide by sqrt(d) and not by d"),
                                   check("masked positions", .fail, message: "the masked scores should be -infinity")]),
        ]
    }

    @Test(arguments: [60, 80]) func noLineIsWiderThanTheTerminal(width: Int) {
        for language in [CourseLanguage.english, .traditionalChinese] {
            let renderer = VerdictRenderer(style: Palette(color: false, width: width), language: language)
            for v in verdicts {
                let text = renderer.render(v, title: "Attention scores for a whole sequence of tokens at once")
                for line in text.split(separator: "\n") {
                    #expect(DisplayWidth.of(line) <= width, "\(width) columns: \(line)")
                }
            }
        }
    }

    @Test func theHeadlineWrapsUnderTheName() {
        let text = VerdictRenderer(style: Palette(color: false, width: 60)).render(verdicts[1], title: "Attention scores")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "✗ attention-scores — Attention scores: 0/4 points (seed")
        #expect(lines[1] == "  7923301455, 0.1 s)")
    }

    @Test func colourCodesDoNotCountAsColumns() {
        let renderer = VerdictRenderer(style: Palette(color: true, width: 60))
        for line in renderer.render(verdicts[0], title: "Attention scores").split(separator: "\n") {
            #expect(TextWrap.visibleWidth(line) <= 60)
        }
    }
}
