import Foundation
import Testing
@testable import Demos

/// The statistics, eigenvector and series demos of the mathematics chapter (quick path).
@Suite struct MathStatisticsDemosTests {
    @Test func statisticsDemoWorksTheClosedForms() throws {
        let out = try runDemo("math-statistics", width: 100)
        #expect(out.contains("E[X] = Σ p·x = 3.5000   Var[X] = E[(X − E[X])²] = 2.9167"))
        #expect(out.contains("Out of 10,000 people: 95 sick and positive, 495 healthy and positive."))
        #expect(out.contains("= 0.1610"))
        #expect(out.contains("P(sick | +, +) = 0.7848"))
        #expect(out.contains("(difference 0.0e+00)"))   // cross-entropy = NLL of the softmax
    }

    @Test func eigenDemoRecoversTheTraceAndTheThreeAttributes() throws {
        let out = try runDemo("math-eigen", width: 100)
        #expect(out.contains("Check: λ₁ + λ₂ + λ₃ = 8.00000000 = trace A = 8.00000000."))
        #expect(out.contains("λ1  4.69428255"))
        // Each attribute of the people lines up with one component: a gap near ±2 sd there.
        for attribute in ["royal − common", "female − male", "young − adult"] {
            let line = out.split(separator: "\n").first { $0.hasPrefix(attribute) }.map(String.init) ?? ""
            let gaps = line.split(separator: " ").compactMap { Double($0) }.map(abs)
            #expect(gaps.count == 3 && gaps.max()! > 1.7, "\(line)")
        }
    }

    @Test func seriesDemoShowsTheOverflowAndTheExactQuadratic() throws {
        let out = try runDemo("math-series", width: 100)
        #expect(out.contains("[1000, 999, 990]                   inf          1000.3133"))
        #expect(out.contains("naive [-nan, -nan, -nan], stable [0.7310, 0.2689, 0.0000]") ||
                out.contains("naive [nan, nan, nan], stable [0.7310, 0.2689, 0.0000]"))
        #expect(out.contains("0.3000    27.0000              27.0000"))
    }

    @Test func thePCAFigureLabelsItsPoints() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try runDemo("math-eigen", figures: dir)
        let svg = try String(contentsOf: dir.appendingPathComponent("math-eigen-word-vectors-pca.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: "class=\"point-label\"").count - 1 == 8)
        #expect(svg.contains(">queen</text>"))
    }
}
