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

    @Test func probabilityDemoMatchesKnownSoftmax() throws {
        let out = try runDemo("math-probability")
        // softmax([1.5, -1.8, 0.9, -3.2]) at T = 1 and T = 0.5.
        #expect(out.contains("0.6270  0.0231  0.3441  0.0057"))
        #expect(out.contains("0.7677  0.0010  0.2312  0.0001"))
        #expect(out.contains("entropy"))
    }
}
