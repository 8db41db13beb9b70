import Foundation
import Testing
@testable import Figures

@Suite struct ContourPlotTests {
    func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

    /// f(x, y) = x² + y² on a 5 × 5 grid: the level 1 crosses each axis at distance 1 from the
    /// center, and every segment end lies on the circle up to the linear interpolation.
    @Test func contoursOfAParaboloid() {
        let xs = [-2.0, -1, 0, 1, 2]
        let values = xs.map { y in xs.map { x in x * x + y * y } }
        let plot = ContourPlot(title: "bowl", xs: xs, ys: xs, values: values, levels: [1, 4], xLabel: "α", yLabel: "β")
        #expect(plot.band(0) == 0 && plot.band(1) == 1 && plot.band(2) == 1 && plot.band(8) == 2)
        let inner = plot.segments(at: 1)
        #expect(inner.count == 4)   // the four cells around the center, one segment each
        for (a, b) in inner {
            for (gx, gy) in [a, b] {
                let (x, y) = (gx - 2, gy - 2)       // grid index → coordinate (step 1, from −2)
                #expect(abs(x * x + y * y - 1) < 1e-9)
            }
        }
        #expect(plot.segments(at: 100).isEmpty)
        let svg = plot.svg()
        #expect(count("<rect class=\"band\"", in: svg) == 25)
        #expect(count("<path class=\"contour\"", in: svg) == 2)
        #expect(count("<circle class=\"center\"", in: svg) == 1)
        let lines = plot.terminal().split(separator: "\n").map(String.init)
        #expect(lines[0] == "bowl")
        #expect(lines.count == 1 + 5 + 3)
        #expect(lines.last == "    levels: 1 4")
        // The middle row: the center is the lowest band (blank), the edges the highest.
        #expect(lines[3].hasSuffix("@@==  ==@@"))
    }
}
