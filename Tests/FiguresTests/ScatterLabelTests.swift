import Testing
@testable import Figures

@Suite struct ScatterLabelTests {
    func plot() -> ScatterPlot {
        var plot = ScatterPlot(points: [(0, 0), (0.01, 0.01), (0.5, 1), (1, 0)], classes: [0, 0, 1, 1])
        plot.labels = ["king", "queen", "farm", ""]
        return plot
    }

    @Test func theTerminalWritesALabelOnlyWhereItHasRoom() {
        let text = plot().terminal(width: 40, height: 10, color: false)
        #expect(text.contains("farm"))
        // king and queen share a cell: the first label takes the room to its right.
        #expect(text.contains("king") != text.contains("queen"))
    }

    @Test func theSVGMovesOverlappingLabelsApart() {
        let svg = plot().svg()
        #expect(svg.components(separatedBy: "class=\"point-label\"").count - 1 == 3)
        let ys = ["king", "queen"].map { word -> Double in
            let tag = svg.components(separatedBy: "\n").first { $0.hasSuffix(">\(word)</text>") }!
            let y = tag.components(separatedBy: "y=\"")[1].prefix { $0 != "\"" }
            return Double(y)!
        }
        #expect(abs(ys[0] - ys[1]) >= 13)
    }

    @Test func noLabelsDrawsNoLabelText() {
        let svg = ScatterPlot(points: [(0, 0)], classes: [0]).svg()
        #expect(!svg.contains("point-label"))
    }
}
