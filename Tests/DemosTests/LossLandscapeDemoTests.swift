import Console
import Foundation
import Testing
@testable import Demos

@Suite struct LossLandscapeDemoTests {
    @Test func quickRunTrainsBothSolutionsAndDrawsTheLandscapes() throws {
        let figures = FileManager.default.temporaryDirectory.appendingPathComponent("loss-landscape-figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: figures) }
        let start = Date()
        let out = try runDemo("loss-landscape", figures: figures, width: 400)
        #expect(Date().timeIntervalSince(start) < 20)   // about a second alone; generous for a busy machine
        for heading in ["== Two solutions of one model ==", "== Filter-normalized directions ==",
                        "== The landscape in two directions ==", "== Sharpness =="] {
            #expect(out.contains(heading), "missing \(heading)")
        }
        for name in ["slice", "small-batch", "large-batch"] {
            let svg = try String(contentsOf: figures.appendingPathComponent("loss-landscape-\(name).svg"), encoding: .utf8)
            #expect(svg.contains("<svg"))
            if name != "slice" { #expect(svg.contains("<rect class=\"band\"")) }
        }
        // The sharpness rows: the center of each grid is the held-out loss printed above it.
        let lines = out.split(separator: "\n").map(String.init)
        for name in ["small batch", "large batch"] {
            let training = try #require(lines.first { $0.hasPrefix(name) && $0.split(separator: " ").count == 7 })
            let sharpness = try #require(lines.last { $0.hasPrefix(name) })
            let heldOut = training.split(separator: " ")[5], center = sharpness.split(separator: " ")[2]
            #expect(heldOut == center, "\(training) / \(sharpness)")
        }
        #expect(lines.last { $0.hasPrefix("loss-landscape: held-out loss") } != nil)
    }

    @Test func everyLineIsTranslatedAndFitsSixtyColumns() throws {
        let before = DemoText.missing
        let out = try runDemo("loss-landscape", language: .traditionalChinese, width: 60)
        #expect(out.contains("同一個模型的兩個解"))
        // DemoLanguageTests adds its own untranslated probe line to the shared set, maybe meanwhile.
        let added = DemoText.missing.subtracting(before).filter { !$0.hasPrefix("no such line") }
        #expect(added.isEmpty, "untranslated: \(added.sorted())")
        for line in try runDemo("loss-landscape", width: 60).split(separator: "\n") + out.split(separator: "\n") {
            #expect(TextWrap.visibleWidth(line) <= 60, "\(line)")
        }
    }
}
