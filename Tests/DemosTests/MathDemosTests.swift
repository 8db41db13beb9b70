import Foundation
import Testing
@testable import Demos

@Suite struct MathDemosTests {
    @Test func linearAlgebraShowsCompositionAndProjection() throws {
        let out = try runDemo("math-linear-algebra")
        #expect(out.contains("S·(R·v)  = [ -2.00   1.00 ]"))
        #expect(out.contains("(S·R)·v  = [ -2.00   1.00 ]"))
        #expect(out.contains("|det M| = 1.05"))
    }

    @Test func centralDifferenceBeatsForwardDifference() {
        let exact = CalculusDemo.fPrime(1.3)
        let central = CalculusDemo.centralDifference(CalculusDemo.f, at: 1.3, h: 1e-4)
        let forward = (CalculusDemo.f(1.3 + 1e-4) - CalculusDemo.f(1.3)) / 1e-4
        #expect(abs(central - exact) < 1e-7)
        #expect(abs(forward - exact) > 1e-5)
    }

    @Test func calculusDemoFindsTheBestStepSize() throws {
        let out = try runDemo("math-calculus")
        #expect(out.contains("Central differences are best near h = 1e-5"))
        #expect(out.contains("0.26      1.0000     28.1880"))   // the diverging rate
    }

    @Test func demosWriteTheirFiguresAsSVG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try runDemo("math-calculus", figures: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(names == ["math-calculus-descent.svg", "math-calculus-finite-difference-error.svg"])
        let svg = try String(contentsOf: dir.appendingPathComponent(names[0]), encoding: .utf8)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<path class=\"series").count - 1 == 3)
    }

    @Test func gradientDescentConvergesBelowTheCriticalRate() {
        let good = CalculusDemo.descend(from: (-2, 1), rate: 0.2, steps: 30).last!
        #expect(abs(good.x - 1) < 1e-2 && abs(good.y + 2) < 1e-6)
        let bad = CalculusDemo.descend(from: (-2, 1), rate: 0.26, steps: 30).last!
        #expect(bad.loss > 10)
    }

    @Test func crossEntropyGradientVanishesAtTheFrequencies() {
        let labels = [0, 0, 1, 2]   // frequencies 0.5, 0.25, 0.25
        let logits = [0.5, 0.25, 0.25].map { log($0) }
        let (loss, g) = ProbabilityDemo.crossEntropy(logits: logits, labels: labels)
        #expect(g.allSatisfy { abs($0) < 1e-12 })
        #expect(abs(loss - (-(0.5 * log(0.5) + 0.5 * log(0.25)))) < 1e-12)
    }

    @Test func probabilityDemoMatchesKnownSoftmax() throws {
        let out = try runDemo("math-probability")
        // softmax([1.5, -1.8, 0.9, -3.2]) at T = 1 and T = 0.5.
        #expect(out.contains("0.6270  0.0231  0.3441  0.0057"))
        #expect(out.contains("0.7677  0.0010  0.2312  0.0001"))
        #expect(out.contains("entropy"))
    }
}
