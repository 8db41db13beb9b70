import Console
import Foundation
import Testing
@testable import Demos

/// Every demo's output fits the width it is given, and progress never changes that output.
@Suite struct DemoWidthTests {
    @Test(arguments: [60, 80]) func everyLineFitsTheWidth(width: Int) throws {
        for demo in DemoRegistry.all {
            let text = try runDemo(demo.id, width: width)
            for line in text.split(separator: "\n") where TextWrap.visibleWidth(line) > width {
                Issue.record("\(demo.id) at \(width) columns: \(TextWrap.visibleWidth(line)) columns: \(line)")
            }
        }
    }

    @Test func narrationWrapsByWords() {
        let ctx = DemoContext(demoID: "t", width: 30) { _ in }
        #expect(ctx.wrapped("after 1500 steps the training loss is 0.42") == "after 1500 steps the training\nloss is 0.42")
        #expect(ctx.wrapped("  - a list item that goes on past the edge")
                == "  - a list item that goes on\n    past the edge")
    }

    @Test func tableRowsThatFitKeepTheirColumns() {
        let ctx = DemoContext(demoID: "t", width: 40) { _ in }
        let row = "step  train loss  val. loss  tokens/s"
        #expect(ctx.wrapped(row) == row)
        // Too wide: wrapped as a last resort, under a deeper indent than the row's own.
        #expect(ctx.wrapped(row + "  elapsed") == "step  train loss  val. loss  tokens/s\n  elapsed")
    }

    @Test func figuresAreNeverWrapped() throws {
        final class Sink: @unchecked Sendable { var text = "" }
        let sink = Sink()
        let ctx = DemoContext(demoID: "t", width: 20) { sink.text += $0 }
        let plot = "1.0 ┤⠁⠂⠄⡀⢀⠠⠐⠈⠁⠂⠄⡀⢀⠠⠐⠈⠁⠂⠄⡀ a long legend"
        try ctx.figure("f", svg: "", terminal: plot)
        #expect(sink.text == plot + "\n")
    }

    @Test func aTableTooWideBecomesOneBlockPerRow() {
        final class Sink: @unchecked Sendable { var text = "" }
        let sink = Sink()
        let ctx = DemoContext(demoID: "t", width: 40) { sink.text += $0 }
        ctx.table(["method", "held-out pref. acc.", "exact: held-out"], [["DPO (LoRA)", "100.0%", "0.0%"]])
        #expect(sink.text == "DPO (LoRA)\n  held-out pref. acc.: 100.0% · exact:\n  held-out: 0.0%\n")
    }

    @Test func progressLeavesTheOutputAlone() throws {
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            var clock = 0.0
        }
        let log = Log()
        // A clock that jumps a second per reading, so every task is shown and every line is due.
        let reporter = ProgressReporter(style: .lines, delay: 0, lineInterval: 0,
                                        now: { log.lock.withLock { log.clock += 1; return log.clock } },
                                        write: { s in log.lock.withLock { log.text += s } })
        let quiet = try runDemo("mlp-train")
        let reported = try runDemo("mlp-train", progress: reporter)
        #expect(reported == quiet)
        #expect(log.text.contains("training"))
    }
}
