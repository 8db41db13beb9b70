import Foundation
import Testing
@testable import Demos

/// The Swift-for-ML demos: what they print is what the lesson says they print.
@Suite struct SwiftForMLDemosTests {
    @Test func valuesDemoShowsWhenTheCopyHappens() throws {
        let out = try runDemo("swift-values")
        #expect(out.contains("var b = a            same buffer as a: yes"))
        #expect(out.contains("b[0, 0] = 1          same buffer as a: no"))
        #expect(out.contains("b[0, 1] = 2          buffer unchanged: yes"))
        #expect(out.contains("a[0, 0] = 0.0, b[0, 0] = 1.0"))
        #expect(out.contains("in place, without a copy: yes"))
        #expect(out.contains("m.transposed()   [3, 2]   [1, 3]"))
    }

    @Test func speedDemoTimesEveryWay() throws {
        let out = try runDemo("swift-speed")
        for way in ["naive loop", "SIMD8", "unsafe buffer", "BLAS sdot"] { #expect(out.contains(way), "missing \(way)") }
        #expect(out.contains("Both give identical numbers: yes"))
    }

    @Test func tabularDemoFitsIrisAndReportsBrokenFiles() throws {
        let out = try runDemo("swift-tabular")
        #expect(out.contains("Data/iris/iris.csv: 150 rows, 5 columns"))
        #expect(out.contains("120 training rows, 30 test rows"))
        #expect(out.contains("a missing value:\n  row 2 (line 3), column \"sepal_width\": missing value"))
        #expect(out.contains("a row with a field too few:\n  row 2 (line 3): expected 3 fields as in the header, found 2"))
        #expect(out.contains("a number with a decimal comma:\n  row 2 (line 3), column \"sepal_length\": \"4,9\" is not a number"))
        #expect(out.contains("species: categorical, 0 missing, 3 levels: setosa, versicolor, virginica"))
    }

    @Test func chineseRunKeepsTheNumbers() throws {
        let zh = try runDemo("swift-tabular", language: .traditionalChinese)
        #expect(zh.contains("Data/iris/iris.csv：150 列，5 欄"))
        #expect(zh.contains("一個缺值：\n  row 2 (line 3)"))
    }

    /// Every template the three demos pass to `ctx.tr` / `ctx.say` has a Chinese entry.
    @Test func everyTemplateIsTranslated() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Demos/Fundamentals")
        var templates: [String] = ["naive loop", "SIMD8", "unsafe buffer", "BLAS sdot", "numeric", "categorical"]
        for file in ["SwiftValuesDemo.swift", "SwiftSpeedDemo.swift", "SwiftTabularDemo.swift"] {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in source.matches(of: /ctx\.(?:tr|say)\("((?:[^"\\]|\\.)*)"/) {
                templates.append(String(match.output.1).replacingOccurrences(of: "\\\\", with: "\\"))
            }
            for match in source.matches(of: /\("(a [a-z ]+)", "sepal/) { templates.append(String(match.output.1)) }
        }
        #expect(templates.count > 50)
        let missing = templates.filter { DemoText.chinese[$0] == nil }
        #expect(missing.isEmpty, "untranslated: \(missing)")
    }
}
