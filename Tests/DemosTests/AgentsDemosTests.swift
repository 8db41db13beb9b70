import Console
import Foundation
import Testing
@testable import Demos

@Suite struct AgentsDemosTests {
    @Test func loopDemoShowsTheCalculatorTheParserAndEachFailureMode() throws {
        let out = try runDemo("agent-loop")
        for line in ["__import__(\"os\")  Error: unexpected character \"_\" at 0",
                     "Action: calc(17*3+4) → rejected: \"[\" expected after the tool name \"calc\"",
                     "  Action: lookup[crate]", "  Observation: a crate holds 20 eggs", "  Answer: 140",
                     "tool error: division by zero: Observation: Error: division by zero"] {
            #expect(out.contains(line), "missing \(line)")
        }
        #expect(out.contains("the same call forever") && out.contains("step limit"))
    }

    @Test func trainDemoQuickPathPrintsTheTable() throws {
        let start = Date()
        let out = try runDemo("agent-train")
        #expect(Date().timeIntervalSince(start) < 120)   // a few seconds alone (6 training steps, then cached); generous for a busy machine
        for heading in ["== 1. Training traces ==", "== 3. Training ==", "== 5. What still goes wrong =="] {
            #expect(out.contains(heading), "missing \(heading)")
        }
        #expect(out.contains("untrained, tools") && out.contains("trained, no tools"))
    }

    @Test func everyLineIsTranslatedAndFitsSixtyColumns() throws {
        let before = DemoText.missing
        var all: [Substring] = []
        for id in ["agent-loop", "agent-train"] {
            let out = try runDemo(id, language: .traditionalChinese, width: 60)
            all += out.split(separator: "\n") + (try runDemo(id, width: 60)).split(separator: "\n")
        }
        let added = DemoText.missing.subtracting(before).filter { !$0.hasPrefix("no such line") }
        #expect(added.isEmpty, "untranslated: \(added.sorted())")
        for line in all { #expect(TextWrap.visibleWidth(line) <= 60, "\(line)") }
    }
}
