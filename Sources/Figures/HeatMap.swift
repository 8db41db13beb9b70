/// A matrix of values as coloured cells — attention weights, confusion matrices, similarities.
///
/// ```swift
/// let map = HeatMap(title: "attention", values: weights,       // [[Double]], rows × columns
///                   rowLabels: tokens, columnLabels: tokens)
/// print(map.terminal(color: true))   // ANSI 256 background colours
/// print(map.terminal(color: false))  // shade characters " ░▒▓█"
/// ```
/// Values map linearly from `range` (default: the data's min…max) onto ``Palette/scaleHex(_:)``.
/// The SVG has one `<rect class="cell">` per value, in row-major order, plus a colour-scale legend.
public struct HeatMap: Sendable {
    public var title: String
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Fixed colour range (e.g. 0...1 for probabilities); nil means the data's own range.
    public var range: ClosedRange<Double>?
    /// Print each value inside its SVG cell.
    public var showValues: Bool

    public init(title: String = "", values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                range: ClosedRange<Double>? = nil, showValues: Bool = false) {
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.range = range
        self.showValues = showValues
    }

    var bounds: (Double, Double) {
        if let r = range { return (r.lowerBound, r.upperBound) }
        let all = values.flatMap { $0 }.filter(\.isFinite)
        return (all.min() ?? 0, all.max() ?? 1)
    }

    /// Position of `v` in the colour range, 0…1.
    func unit(_ v: Double) -> Double {
        let (lo, hi) = bounds
        return hi > lo ? (v - lo) / (hi - lo) : 0.5
    }

    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

    /// Each cell is two columns wide; column labels are their first characters, printed vertically
    /// beneath when longer than one character would fit.
    public func terminal(color: Bool = false) -> String {
        let lw = rowLabels.map(displayWidth).max() ?? 0
        var lines: [String] = title.isEmpty ? [] : [title]
        for (r, row) in values.enumerated() {
            var line = padRight(r < rowLabels.count ? rowLabels[r] : "", lw) + " "
            for v in row {
                let t = unit(v)
                if color {
                    line += "\u{1B}[48;5;\(Palette.scaleANSI(t))m  \u{1B}[0m"
                } else {
                    let k = Int((min(max(t, 0), 1) * Double(HeatMap.shades.count - 1)).rounded())
                    line += String(repeating: HeatMap.shades[k], count: 2)
                }
            }
            lines.append(line)
        }
        // Column labels written downwards, one character per line, up to 4 lines.
        let depth = min(4, columnLabels.map { $0.count }.max() ?? 0)
        for k in 0..<depth {
            var line = String(repeating: " ", count: lw + 1)
            for label in columnLabels {
                let chars = Array(label)
                line += k < chars.count ? String(chars[k]) + " " : "  "
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        let (lo, hi) = bounds
        let ramp = color ? (0..<8).map { "\u{1B}[48;5;\(Palette.scaleANSI(Double($0) / 7))m \u{1B}[0m" }.joined()
                         : String(HeatMap.shades)
        lines.append("scale: \(compactNumber(lo)) \(ramp) \(compactNumber(hi))")
        return lines.joined(separator: "\n")
    }

    public func svg(cellSize: Double = 28) -> String {
        let rows = values.count, cols = values.map(\.count).max() ?? 0
        let left = Double(rowLabels.map(displayWidth).max() ?? 0) * 7.5 + 12
        let top = (title.isEmpty ? 10.0 : 34.0)
        let gridBottom = top + Double(rows) * cellSize
        let labelDepth = Double(columnLabels.map(displayWidth).max() ?? 0) * 7 + 12
        let width = max(left + Double(cols) * cellSize + 20, 260)
        let height = gridBottom + labelDepth + 40
        var svg = SVGWriter(width: width, height: height)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 20, cssClass: "title") }
        for (r, row) in values.enumerated() {
            let y = top + Double(r) * cellSize
            if r < rowLabels.count { svg.text(rowLabels[r], x: left - 6, y: y + cellSize / 2 + 4, anchor: "end") }
            for (c, v) in row.enumerated() {
                let x = left + Double(c) * cellSize
                svg.add("<rect class=\"cell\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(cellSize))\" height=\"\(num(cellSize))\" fill=\"\(Palette.scaleHex(unit(v)))\"><title>\(compactNumber(v))</title></rect>")
                if showValues { svg.text(compactNumber(v), x: x + cellSize / 2, y: y + cellSize / 2 + 3, cssClass: "cell-value") }
            }
        }
        for (c, label) in columnLabels.enumerated() {
            let x = left + Double(c) * cellSize + cellSize / 2 + 4
            svg.text(label, x: x, y: gridBottom + 6, anchor: "end", cssClass: "tick", rotate: -60)
        }
        // Colour-scale legend: ten swatches with the range's ends.
        let ly = gridBottom + labelDepth + 8
        for k in 0..<10 {
            svg.add("<rect class=\"scale\" x=\"\(num(left + Double(k) * 14))\" y=\"\(num(ly))\" width=\"14\" height=\"10\" fill=\"\(Palette.scaleHex(Double(k) / 9))\"/>")
        }
        let (lo, hi) = bounds
        svg.text(compactNumber(lo), x: left - 4, y: ly + 9, anchor: "end", cssClass: "tick")
        svg.text(compactNumber(hi), x: left + 144, y: ly + 9, anchor: "start", cssClass: "tick")
        return svg.document(title: title.isEmpty ? "heat map" : title)
    }
}
