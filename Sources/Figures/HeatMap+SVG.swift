import Foundation

/// The SVG rendering of a ``HeatMap``: cells, optional values, labels and a color bar.
///
/// Legibility rules (a learner could not read 10 px `1.30e-04` on dark cells):
/// - values are printed with at most two decimals, and a value that rounds to zero is left out —
///   the cell's color already says "nothing here";
/// - each value's text is white or near-black, whichever contrasts more with its own cell;
/// - the color bar is one continuous gradient of the same scale, with its ends and middle labeled,
///   so "bright = high" can be read off the figure itself.
extension HeatMap {
    public func svg(cellSize: Double? = nil) -> String {
        // Printed values need room for "0.25" at 11 px.
        let cellSize = cellSize ?? (showValues ? 36 : 28)
        let rows = values.count, cols = values.map(\.count).max() ?? 0
        let left = Double(rowLabels.map(displayWidth).max() ?? 0) * 7.5 + 12
        let top = (title.isEmpty ? 10.0 : 34.0)
        let gridBottom = top + Double(rows) * cellSize
        let labelDepth = Double(columnLabels.map(displayWidth).max() ?? 0) * 7 + 12
        let legendRight = left + 168 + Double(displayWidth(scaleCaption)) * 7 + 12
        let width = max(left + Double(cols) * cellSize + 20, legendRight, 260)
        let height = gridBottom + labelDepth + 52
        var svg = SVGWriter(width: width, height: height)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 20, cssClass: "title") }
        for (r, row) in values.enumerated() {
            let y = top + Double(r) * cellSize
            if r < rowLabels.count { svg.text(rowLabels[r], x: left - 6, y: y + cellSize / 2 + 4, anchor: "end") }
            for (c, v) in row.enumerated() {
                let x = left + Double(c) * cellSize
                let t = unit(v)
                svg.add("<rect class=\"cell\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(cellSize))\" height=\"\(num(cellSize))\" fill=\"\(Palette.scaleHex(t))\"><title>\(HeatMap.tooltip(v))</title></rect>")
                if showValues, let label = HeatMap.cellLabel(v) {
                    let tone = Palette.scaleNeedsLightText(t) ? "on-dark" : "on-light"
                    svg.text(label, x: x + cellSize / 2, y: y + cellSize / 2 + 4, cssClass: "cell-value \(tone)")
                }
            }
        }
        for (c, label) in columnLabels.enumerated() {
            let x = left + Double(c) * cellSize + cellSize / 2 + 4
            svg.text(label, x: x, y: gridBottom + 6, anchor: "end", cssClass: "tick", rotate: -60)
        }
        colourBar(into: &svg, x: left, y: gridBottom + labelDepth + 8)
        return svg.document(title: title.isEmpty ? "heat map" : title)
    }

    /// A value as printed in its cell: two decimals at most ("0.25", "0.5", "1"), whole numbers
    /// from 10 up; nil when it rounds to zero.
    static func cellLabel(_ v: Double) -> String? {
        guard v.isFinite else { return nil }
        if abs(v) >= 10 { return compactNumber(v.rounded()) }
        var s = String(format: "%.2f", v)
        guard s != "0.00", s != "-0.00" else { return nil }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A value as the cell's tooltip gives it: four decimals at most, never scientific notation
    /// below 10 (attention weights like 0.00013 read as "0.0001").
    static func tooltip(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 10 else { return compactNumber(v) }
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    var scaleCaption: String {
        let range = "\(words.low) → \(words.high)"
        return scaleLabel.isEmpty ? range : "\(scaleLabel): \(range)"
    }

    /// The scale as a 160 × 12 gradient bar with its low, middle and high values beneath and
    /// ``scaleLabel`` (if any) to the right.
    private func colourBar(into svg: inout SVGWriter, x: Double, y: Double) {
        let barWidth = 160.0
        var gradient = "<defs><linearGradient id=\"scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
        for k in 0...8 {
            let t = Double(k) / 8
            gradient += "<stop offset=\"\(num(t))\" stop-color=\"\(Palette.scaleHex(t))\"/>"
        }
        svg.add(gradient + "</linearGradient></defs>")
        svg.add("<rect class=\"scale-bar\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(barWidth))\" height=\"12\" fill=\"url(#scale)\"/>")
        let (lo, hi) = bounds
        for (k, v) in [lo, (lo + hi) / 2, hi].enumerated() {
            let tx = x + barWidth * Double(k) / 2
            svg.line(x1: tx, y1: y + 12, x2: tx, y2: y + 16, cssClass: "axis")
            svg.text(compactNumber(v), x: tx, y: y + 28, cssClass: "tick")
        }
        svg.text(scaleCaption, x: x + barWidth + 8, y: y + 10, anchor: "start", cssClass: "tick")
    }
}
