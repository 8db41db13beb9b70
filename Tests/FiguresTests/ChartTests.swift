import Foundation
import Testing
@testable import Figures

@Suite struct ChartTests {
    func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

    @Test func barLengthsAreProportional() {
        let chart = BarChart(title: "p", bars: [("the", 0.5), ("a", 0.25), ("zero", 0)])
        let lines = chart.terminal(width: 30, color: false).split(separator: "\n").map(String.init)
        // 30 columns − label 4 − value 4 − 3 separators = 19 cells for the longest bar.
        #expect(lines[1].hasPrefix("the  │" + String(repeating: "█", count: 19)))
        #expect(lines[2].hasPrefix("a    │" + String(repeating: "█", count: 9) + "▌"))
        #expect(lines[3].hasPrefix("zero │ "))
        let svg = chart.svg(width: 400)
        #expect(count("<rect class=\"bar\"", in: svg) == 3)
        #expect(svg.contains("width=\"0\""))
    }

    @Test func heatMapShadesAndCells() {
        let map = HeatMap(title: "w", values: [[0, 1], [0.5, 0.25]], rowLabels: ["r0", "r1"], columnLabels: ["c0", "c1"])
        let lines = map.terminal(color: false).split(separator: "\n").map(String.init)
        #expect(lines[1] == "r0   ██")
        #expect(lines[2] == "r1 ▒▒░░")
        let colored = map.terminal(color: true)
        #expect(colored.contains("\u{1B}[48;5;"))
        let svg = map.svg(cellSize: 20)
        #expect(count("<rect class=\"cell\"", in: svg) == 4)
        #expect(svg.contains("fill=\"\(Palette.scaleHex(0))\"") && svg.contains("fill=\"\(Palette.scaleHex(1))\""))
        #expect(count("<rect class=\"scale-bar\"", in: svg) == 1)
        #expect(svg.contains("<linearGradient id=\"scale\""))
    }

    @Test func heatMapValuesAreReadable() {
        // Attention-like weights: tiny values must not print as 1.30e-04 in the cells.
        let map = HeatMap(title: "head", values: [[1, 0], [0.00013, 0.99987], [0.5, 0.254]], range: 0...1,
                          showValues: true, scaleLabel: "weight")
        let svg = map.svg()
        #expect(!svg.contains("e-04"), "no scientific notation, not even in tooltips")
        let values = svg.components(separatedBy: "class=\"cell-value ").dropFirst().map { part in
            String(part[part.index(after: part.firstIndex(of: ">")!)...].prefix { $0 != "<" })
        }
        #expect(values == ["1", "1", "0.5", "0.25"], "two decimals at most; values rounding to 0 stay blank")
        // Text color follows the cell: white on the dark (low) end, near-black on bright yellow.
        #expect(svg.contains("class=\"cell-value on-dark\"") && svg.contains("class=\"cell-value on-light\""))
        #expect(Palette.scaleNeedsLightText(0) && !Palette.scaleNeedsLightText(1))
        #expect(svg.contains(">weight: low → high<"))
        #expect(svg.contains(">0<") && svg.contains(">0.5<") && svg.contains(">1<"), "color bar ends and middle")
        #expect(HeatMap.cellLabel(0.004) == nil && HeatMap.cellLabel(0.126) == "0.13" && HeatMap.cellLabel(42.4) == "42")
    }

    @Test func figuresFollowTheDarkTheme() {
        let svg = HeatMap(values: [[0, 1]]).svg()
        #expect(svg.contains("@media (prefers-color-scheme: dark) { svg { --fg: #dde3ea; } }"))
        #expect(svg.contains("text { fill: var(--fg);"))
        #expect(!svg.contains("currentColor"), "an <img> SVG does not inherit the page's color")
    }

    @Test func scatterMarksEachClass() {
        let plot = ScatterPlot(title: "moons", points: [(0, 0), (1, 1), (0.5, 0.2)], classes: [0, 1, 1], classNames: ["left", "right"])
        let text = plot.terminal(width: 30, height: 6, color: false)
        #expect(text.contains("•") && text.contains("+"))
        #expect(text.contains("• left") && text.contains("+ right"))
        let svg = plot.svg()
        #expect(count("<circle class=\"point class-0\"", in: svg) == 1)
        #expect(count("<circle class=\"point class-1\"", in: svg) == 2)
    }

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(displayWidth("損失") == 4)
        #expect(displayWidth("loss") == 4)
        #expect(displayWidth("\u{1B}[31mx\u{1B}[0m") == 1)
    }

    @Test func svgTextIsEscaped() {
        var plot = LinePlot(title: "a < b & c")
        plot.add("x", ys: [1, 2])
        #expect(plot.svg().contains("a &lt; b &amp; c"))
    }
}
