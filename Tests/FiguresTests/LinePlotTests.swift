import Foundation
import Testing
@testable import Figures

@Suite struct LinePlotTests {
    /// Every number in an attribute like `d="M60 10 L80 20"`.
    func pathPoints(_ svg: String, series: Int) -> [(Double, Double)] {
        guard let start = svg.range(of: "class=\"series series-\(series)\""),
              let d = svg[start.upperBound...].range(of: "d=\""),
              let end = svg[d.upperBound...].firstIndex(of: "\"") else { return [] }
        let numbers = svg[d.upperBound..<end].split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test func ticksAreRoundAndEncloseTheData() {
        let t = Ticks(lower: 0.13, upper: 2.7, count: 7)
        #expect(t.values == [0, 0.5, 1, 1.5, 2, 2.5, 3])
        #expect(t.label(1.5) == "1.5")
        #expect(Ticks(lower: 5, upper: 5).values.count >= 2)   // flat data still gets an axis
    }

    @Test func svgHasOnePathPerSeriesAtMappedCoordinates() {
        var plot = LinePlot(title: "loss", xLabel: "step", yLabel: "loss")
        plot.add("train", ys: [4, 2, 1, 0])
        plot.add("validation", xs: [0, 3], ys: [4, 2])
        let svg = plot.svg(width: 640, height: 360)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\""))
        #expect(svg.components(separatedBy: "<path class=\"series").count - 1 == 2)
        #expect(svg.contains("stroke: var(--fg)"), "axes take the theme's foreground")
        // Box: left 60, right 624, top 34, bottom 316; x ticks 0…3, y ticks 0…4.
        let train = pathPoints(svg, series: 0)
        #expect(train.count == 4)
        #expect(train[0] == (60, 34))
        #expect(train[3] == (624, 316))
        #expect(train[1] == (248, 175))
        #expect(pathPoints(svg, series: 1).count == 2)
    }

    @Test func terminalPlotHasRequestedSizeAxesAndLegend() {
        var plot = LinePlot(title: "loss")
        plot.add("train", ys: (0..<50).map { exp(-Double($0) / 10) })
        let text = plot.terminal(width: 60, height: 8, color: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "loss")
        #expect(lines.count == 1 + 8 + 2 + 1)   // title, rows, axis, tick labels, legend
        #expect(lines[1...8].allSatisfy { $0.contains("┤") || $0.contains("│") })
        #expect(lines[1...8].allSatisfy { displayWidth($0) <= 60 })
        #expect(lines[9].contains("└") && lines[9].contains("┬"))
        #expect(lines[1].contains("1") && lines[1].contains("┤"))   // top tick is 1
        // The curve starts top-left and ends bottom-right.
        #expect(lines[1].unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(!text.contains("\u{1B}"))
        #expect(lines.last == "── train")
    }

    @Test func withoutColourSeveralSeriesUseDistinctMarkers() {
        var plot = LinePlot()
        plot.add("a", ys: [0, 1, 2])
        plot.add("b", ys: [2, 1, 0])
        let plain = plot.terminal(width: 40, height: 6, color: false)
        #expect(plain.contains("•") && plain.contains("+"))
        #expect(plain.contains("•• a") && plain.contains("++ b"))
        let colored = plot.terminal(width: 40, height: 6, color: true)
        #expect(colored.contains("\u{1B}[38;5;33m") && colored.contains("\u{1B}[38;5;208m"))
    }

    @Test func gridDrawsBrailleDotsAtTheRightBits() {
        var grid = TextGrid(columns: 2, rows: 1)
        grid.setDot(x: 0, y: 0, series: 0)   // top-left dot → bit 0x01
        grid.setDot(x: 3, y: 3, series: 0)   // bottom-right dot of the second cell → 0x80
        #expect(grid.line(0, color: false) == "\u{2801}\u{2880}")
        #expect(grid.filledCells == 2)
    }
}
