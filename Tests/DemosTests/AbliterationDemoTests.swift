import Foundation
import Testing
@testable import Demos

@Suite struct AbliterationDemoTests {
    @Test func abliterationRunsEndToEndInQuickMode() throws {
        let out = try runDemo("abliteration")
        for line in ["The refusal direction, layer by layer", "Abliteration: the direction projected out of the weights",
                     "Activation addition: r added to prompts the model answers", "chat model (before refusal tuning)", "abliterated"] {
            #expect(out.contains(line), "missing \(line)")
        }
        #expect(out.contains("refusal-tuned"))
    }

    @Test func everyAbliterationLineIsTranslated() throws {
        let before = DemoText.missing
        let out = try runDemo("abliteration", language: .traditionalChinese)
        #expect(out.contains("逐層找出拒答方向"))
        let added = DemoText.missing.subtracting(before).filter { !$0.hasPrefix("no such line") }
        #expect(added.isEmpty, "untranslated: \(added.sorted())")
    }
}
