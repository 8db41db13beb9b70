import Foundation
import Testing
@testable import Demos

@Suite struct DataQualityDemoTests {
    @Test func dataQualityDemoFiltersSamplesMixesAndFineTunes() throws {
        let out = try runDemo("data-quality")
        for text in ["language ID: instruction is English", "perplexity ≤ the 0.6 quantile", "acceptance rate", "α = 0.5",
                     "raw (unfiltered)", "filtered + synthetic, mixed", "held-out exact match"] {
            #expect(out.contains(text), "\(text)")
        }
    }

    /// Every template the demo passes to `ctx.tr` / `ctx.say` has a Chinese entry.
    @Test func everyTemplateIsTranslated() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Demos/FineTuning/DataQualityDemo.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        let templates = source.matches(of: /ctx\.(?:tr|say)\("((?:[^"\\]|\\.)*)"/).map { String($0.output.1).replacingOccurrences(of: "\\\"", with: "\"") }
        #expect(templates.count > 30)
        let missing = templates.filter { DemoText.chinese[$0] == nil }
        #expect(missing.isEmpty, "untranslated: \(missing)")
    }
}
