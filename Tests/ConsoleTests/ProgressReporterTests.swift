import Foundation
import Testing
@testable import Console

/// A clock the test moves by hand and a writer that keeps everything, so no test waits.
final class FakeTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var time = 0.0
    private var written = ""
    var now: Double { lock.withLock { time } }
    var output: String { lock.withLock { written } }
    func advance(_ seconds: Double) { lock.withLock { time += seconds } }
    func write(_ s: String) { lock.withLock { written += s } }

    func reporter(_ style: ProgressReporter.Style, lineInterval: Double = 5) -> ProgressReporter {
        ProgressReporter(style: style, delay: 1, lineInterval: lineInterval, now: { self.now }, write: { self.write($0) })
    }

    /// What a terminal would show on the last line: text after the last carriage return.
    var screenLine: String {
        let last = output.components(separatedBy: "\r").last ?? ""
        return last.replacingOccurrences(of: "\u{1B}[2K", with: "")
    }
}

@Suite struct ProgressReporterTests {
    @Test func shortWorkShowsNothing() {
        let term = FakeTerminal()
        let task = term.reporter(.live(width: 80)).task("training", total: 10)
        for _ in 0..<10 { term.advance(0.05); task.advance() }
        task.finish()
        #expect(term.output.isEmpty)
    }

    @Test func liveLineHasLabelBarCountAndEstimate() {
        let term = FakeTerminal()
        let task = term.reporter(.live(width: 80)).task("training", total: 100)
        term.advance(2)
        task.advance(25)
        #expect(term.screenLine.hasPrefix("training █"))
        #expect(term.screenLine.contains("25/100"))
        // 25 steps in 2 s: 75 more take about 6 s.
        #expect(term.screenLine.contains("6 s left"))
        #expect(DisplayWidth.of(term.screenLine) < 80)
    }

    @Test func liveLineIsErasedAtTheEnd() {
        let term = FakeTerminal()
        let task = term.reporter(.live(width: 80)).task("quantizing", total: 4)
        term.advance(1.5)
        task.advance()
        task.finish()
        #expect(term.output.hasSuffix("\r\u{1B}[2K"))
        #expect(term.screenLine.isEmpty)
    }

    @Test func liveLineFitsANarrowTerminal() {
        let term = FakeTerminal()
        let reporter = term.reporter(.live(width: 40))
        let outer = reporter.task("figures", total: 22)
        outer.note("quantization-compare")
        let inner = reporter.task("comparing formats", total: 7)
        term.advance(3)
        inner.advance()
        #expect(term.screenLine.hasPrefix("figures 0/22 quantization-compare › "))
        #expect(DisplayWidth.of(term.screenLine) <= 39)
    }

    @Test func otherOutputClearsTheLineFirst() {
        let term = FakeTerminal()
        let reporter = term.reporter(.live(width: 80))
        let task = reporter.task("training", total: 10)
        term.advance(2)
        task.advance()
        reporter.withLineCleared { term.write("step 1: loss 0.5\n") }
        #expect(term.output.hasSuffix("\r\u{1B}[2Kstep 1: loss 0.5\n"))
    }

    @Test func plainLinesAreRateLimited() {
        let term = FakeTerminal()
        let task = term.reporter(.lines, lineInterval: 5).task("training", total: 80)
        for _ in 0..<80 { term.advance(0.25); task.advance() }  // 20 s of work
        task.finish()
        let lines = term.output.split(separator: "\n")
        #expect(lines.first == "training: 4/80 (5%), about 19 s left")
        #expect(lines.count <= 6)
        #expect(lines.last == "training: done, 80/80 in 20 s")
        #expect(!term.output.contains("\r"))
    }

    @Test func plainLinePerStepWhenAsked() {
        let term = FakeTerminal()
        let reporter = term.reporter(.lines)
        let figures = reporter.task("figures", total: 3, lineEvery: 0)
        term.advance(1)
        for id in ["mlp-train", "pretrain", "gguf"] {
            figures.note(id)
            term.advance(4)
            figures.advance()
        }
        figures.finish()
        let lines = term.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("figures: 0/3 (0%) mlp-train"))
        #expect(lines == ["figures: 0/3 (0%) mlp-train", "figures: 1/3 (33%) pretrain, about 10 s left",
                          "figures: 2/3 (66%) gguf, about 5 s left", "figures: done, 3/3 in 13 s"])
        #expect(lines.last == "figures: done, 3/3 in 13 s")
    }

    @Test func tickKeepsALongStepVisible() {
        let term = FakeTerminal()
        let reporter = term.reporter(.live(width: 80))
        let task = reporter.task("loading model")
        term.advance(3)
        reporter.tick()
        #expect(term.screenLine == "loading model · 3 s")
        task.finish()
    }

    @Test func durationsReadNaturally() {
        #expect(ProgressLine.duration(8.4) == "8 s")
        #expect(ProgressLine.duration(125) == "2 min 05 s")
        #expect(ProgressLine.duration(3840) == "1 h 04 min")
    }

    @Test func offWritesNothing() {
        let term = FakeTerminal()
        let task = term.reporter(.off).task("training", total: 2)
        term.advance(10)
        task.advance(2)
        task.finish()
        #expect(term.output.isEmpty)
    }
}
