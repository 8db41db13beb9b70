import Course
import Foundation
import Testing
@testable import Demos

/// The running-LLMs chapter's demos in quick mode: what the lesson quotes them for.
@Suite struct RunningDemosTests {
    @Test func chatTemplatesMatchJinja2ForEveryFamily() throws {
        let out = try runDemo("chat-templates")
        for family in ["qwen2.5", "llama3.1", "llama3.2", "mistral-nemo", "smollm3"] {
            let row = out.split(separator: "\n").first { $0.hasPrefix(family + " ") }
            #expect(row?.hasSuffix("same") == true, "\(family): \(row ?? "missing")")
        }
        #expect(out.contains("<|im_start|>assistant"))
        #expect(out.contains("[INST]‹user1›[/INST]‹assistant2›</s>[INST]‹system0›"))
    }

    @Test func structuredOutputIsAlwaysValidUnderTheMask() throws {
        let out = try runDemo("structured-output")
        let masked = out.split(separator: "\n").first { $0.hasPrefix("with the mask") }
        #expect(masked?.contains("100 %        100 %") == true, "\(masked.map(String.init) ?? out)")
        let free = out.split(separator: "\n").first { $0.hasPrefix("free") }
        #expect(free?.contains("0 %          0 %") == true, "\(free.map(String.init) ?? out)")
        #expect(out.contains("Tokens allowed at the start: 1 (\"{\")"))
    }

    @Test func bothDemosAreTranslated() throws {
        let before = DemoText.missing
        for id in ["chat-templates", "structured-output", "few-shot"] { _ = try runDemo(id, language: .traditionalChinese, width: 60) }
        let added = DemoText.missing.subtracting(before).filter { !$0.hasPrefix("no such line") }
        #expect(added.isEmpty, "untranslated: \(added)")
    }
}
