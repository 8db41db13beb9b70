/// Labeled horizontal bars — token probabilities, per-class counts, results side by side.
///
/// ```swift
/// let chart = BarChart(title: "next-token probabilities",
///                      bars: [("the", 0.41), ("a", 0.22), ("his", 0.05)])
/// print(chart.terminal(width: 60, color: false))
/// // the │██████████████████████████████ 0.41
/// // a   │████████████████▏              0.22
/// ```
/// Bar lengths use eighth-blocks (▏▎▍▌▋▊▉█) so small differences show. Negative values are
/// drawn as zero-length bars with their value printed. The SVG has one `<rect class="bar">` per bar.
public struct BarChart: Sendable {
    public var title: String
    public var bars: [(label: String, value: Double)]
    /// Printed after each bar; defaults to ``compactNumber(_:)``.
    public var valueFormat: @Sendable (Double) -> String = compactNumber

    public init(title: String = "", bars: [(label: String, value: Double)]) {
        self.title = title
        self.bars = bars
    }

    var maxValue: Double { max(bars.map(\.value).filter(\.isFinite).max() ?? 1, 1e-12) }

    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// A bar of `fraction` (0…1) of `cells` columns, in whole and eighth blocks.
    static func bar(fraction: Double, cells: Int) -> String {
        let eighthsTotal = Int((max(0, min(1, fraction.isFinite ? fraction : 0)) * Double(cells * 8)).rounded())
        var s = String(repeating: "█", count: eighthsTotal / 8)
        if eighthsTotal % 8 > 0 { s.append(eighths[eighthsTotal % 8 - 1]) }
        return s
    }

    public func terminal(width: Int = 72, color: Bool = false) -> String {
        let labelWidth = bars.map { displayWidth($0.label) }.max() ?? 0
        let valueWidth = bars.map { valueFormat($0.value).count }.max() ?? 0
        let cells = max(5, width - labelWidth - valueWidth - 3)
        var lines: [String] = title.isEmpty ? [] : [title]
        for (i, b) in bars.enumerated() {
            let bar = BarChart.bar(fraction: b.value / maxValue, cells: cells)
            let painted = Palette.paint(bar, ansi256: Palette.color(0).ansi256, enabled: color && !bar.isEmpty)
            _ = i
            lines.append(padRight(b.label, labelWidth) + " │" + painted
                         + String(repeating: " ", count: cells - bar.count) + " " + valueFormat(b.value))
        }
        return lines.joined(separator: "\n")
    }

    public func svg(width: Double = 640) -> String {
        let rowHeight = 22.0
        let top = title.isEmpty ? 10.0 : 34.0
        let height = top + Double(bars.count) * rowHeight + 10
        let labelWidth = Double(bars.map { displayWidth($0.label) }.max() ?? 0) * 7.5 + 16
        let barLeft = labelWidth, barMax = width - labelWidth - 70
        var svg = SVGWriter(width: width, height: height)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 20, cssClass: "title") }
        for (i, b) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let w = max(0, (b.value.isFinite ? b.value : 0) / maxValue) * barMax
            svg.text(b.label, x: barLeft - 8, y: y + 15, anchor: "end")
            svg.add("<rect class=\"bar\" x=\"\(num(barLeft))\" y=\"\(num(y + 3))\" width=\"\(num(w))\" height=\"\(num(rowHeight - 6))\" fill=\"\(Palette.color(0).hex)\"/>")
            svg.text(valueFormat(b.value), x: barLeft + w + 6, y: y + 15, anchor: "start", cssClass: "value")
        }
        svg.line(x1: barLeft, y1: top, x2: barLeft, y2: height - 10, cssClass: "axis")
        return svg.document(title: title.isEmpty ? "bar chart" : title)
    }
}
