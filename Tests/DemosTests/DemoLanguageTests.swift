import Course
import Foundation
import Testing
@testable import Demos

/// The Chinese edition's demos: narration and figure text in Traditional Chinese, figure files
/// named so they never overwrite the English ones.
@Suite struct DemoLanguageTests {
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test(arguments: DemoRegistry.all.map(\.id))
    func demoNarratesAndLabelsFiguresInChinese(_ id: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-zh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runDemo(id, figures: dir, language: .traditionalChinese)
        #expect(Self.hasCJK(out), "\(id) printed no Chinese")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for file in files {
            #expect(file.hasSuffix(".zh-TW.svg"), "\(file) is not named for the Chinese edition")
            let svg = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            #expect(Self.hasCJK(svg), "\(file) has no Chinese text")
        }
    }

    @Test func everyDemoSummaryHasATranslation() {
        for demo in DemoRegistry.all {
            #expect(demo.summary(in: .english) == demo.summary)
            #expect(Self.hasCJK(demo.summary(in: .traditionalChinese)), "\(demo.id): \(demo.summary)")
        }
    }

    @Test func englishFigureFilesKeepTheirNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-en-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try runDemo("math-calculus", figures: dir)
        #expect(!Self.hasCJK(out))
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["math-calculus-descent.svg", "math-calculus-finite-difference-error.svg"])
    }

    @Test func chineseRunKeepsTheNumbers() throws {
        let zh = try runDemo("math-calculus", language: .traditionalChinese)
        #expect(zh.contains("中央差分在 h = 1e-5 附近最準"))
        // Chinese headers are wider, so the columns move; the numbers stay.
        #expect(zh.contains("0.26         1.0000      28.1880"))
    }

    /// A translation must use exactly the placeholders its English template has, or numbers
    /// would go missing (or `{1}` would be printed) in the Chinese edition.
    @Test func translationsKeepEveryPlaceholder() {
        func placeholders(_ s: String) -> Set<String> {
            Set(s.matches(of: /\{[0-9]+(\|[^}]*)?\}/).map { String($0.output.0.prefix { $0 != "|" && $0 != "}" }) })
        }
        for (english, chinese) in DemoText.chinese {
            #expect(placeholders(english) == placeholders(chinese), "\(english) → \(chinese)")
        }
    }

    @Test func untranslatedTextFallsBackToEnglish() {
        #expect(DemoText.text("no such line {0}", .traditionalChinese, ["7"]) == "no such line 7")
        #expect(DemoText.missing.contains("no such line {0}"))
        #expect(DemoText.text("step", .english, []) == "step")
        #expect(DemoText.text("step", .traditionalChinese, []) == "步數")
    }
}
