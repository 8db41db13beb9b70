@testable import Figures
import Testing

/// A plot is as wide as it is asked to be: the last x tick label and the axis title included.
@Suite struct PlotWidthTests {
    @Test(arguments: [60, 80]) func lineAndScatterPlotsFitTheirWidth(width: Int) {
        var plot = LinePlot(title: "training loss", xLabel: "steps", yLabel: "cross-entropy")
        plot.add("train", ys: (0...1500).map { 2.5 / Double($0 + 1) + 0.0001234 })
        let scatter = ScatterPlot(title: "points", points: [(x: -1234.5, y: 0.001), (x: 98765.4, y: 2.5)], classes: [0, 1],
                                  xLabel: "first coordinate", yLabel: "second")
        for text in [plot.terminal(width: width, height: 8), scatter.terminal(width: width, height: 8)] {
            for line in text.split(separator: "\n") {
                #expect(displayWidth(String(line)) <= width, "\(width): \(line)")
            }
        }
    }

    @Test func theAxisTitleIsKeptWhenTheTickLabelsLeaveNoRoom() {
        var plot = LinePlot(xLabel: "a long axis title for the steps")
        plot.add("", ys: (0...1500).map(Double.init))
        let lines = plot.terminal(width: 40, height: 6).split(separator: "\n").map(String.init)
        #expect(lines.last!.hasSuffix("a long axis title for the steps"))
        #expect(lines.allSatisfy { displayWidth($0) <= 40 })
    }
}
