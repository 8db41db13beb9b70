/// Several named curves on shared axes — loss curves, learning-rate schedules, any y = f(x).
///
/// ```swift
/// var plot = LinePlot(title: "Training loss", xLabel: "step", yLabel: "loss")
/// plot.add("train", ys: trainLosses)                 // x = 0, 1, 2, …
/// plot.add("validation", xs: evalSteps, ys: valLosses)
/// print(plot.terminal(width: 72, height: 14, color: true))
/// try data(plot.svg()).write(to: url)
/// ```
/// The terminal rendering draws braille dots (2×4 per cell); when color is off and there is
/// more than one series it draws marker characters instead, so the legend still tells them apart.
/// The SVG has one `<path class="series series-i">` per series.
public struct LinePlot: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let points: [(x: Double, y: Double)]
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public private(set) var series: [Series] = []

    public init(title: String = "", xLabel: String = "", yLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Adds a curve; non-finite points are skipped when drawing. `xs` and `ys` must have equal length.
    public mutating func add(_ name: String, xs: [Double], ys: [Double]) {
        precondition(xs.count == ys.count, "LinePlot.add: \(xs.count) x values but \(ys.count) y values")
        series.append(Series(name: name, points: Array(zip(xs, ys)).map { (x: $0.0, y: $0.1) }))
    }

    /// Adds a curve whose x values are 0, 1, 2, …
    public mutating func add(_ name: String, ys: [Double]) {
        add(name, xs: ys.indices.map(Double.init), ys: ys)
    }

    var axes: XYAxes {
        XYAxes(xs: series.flatMap { $0.points.map(\.x) }, ys: series.flatMap { $0.points.map(\.y) },
               xLabel: xLabel, yLabel: yLabel)
    }

    /// Renders to `width` terminal columns (labels included) and `height` plot rows.
    public func terminal(width: Int = 72, height: Int = 12, color: Bool = false) -> String {
        let axes = self.axes
        var grid = TextGrid(columns: max(10, width - axes.yLabelWidth - 2), rows: max(3, height))
        let useMarkers = !color && series.count > 1
        for (s, curve) in series.enumerated() {
            let pts = curve.points.filter { $0.x.isFinite && $0.y.isFinite }
            if useMarkers {
                let mark = Palette.marker(s)
                var prev: (Int, Int)?
                for p in pts {
                    let c = axes.cell(p.x, p.y, in: grid)
                    if let q = prev { grid.markLine(from: q, to: c, mark, series: s) } else { grid.setMark(column: c.0, row: c.1, mark, series: s) }
                    prev = c
                }
            } else {
                var prev: (Int, Int)?
                for p in pts {
                    let d = axes.dot(p.x, p.y, in: grid)
                    if let q = prev { grid.dotLine(from: q, to: d, series: s) } else { grid.setDot(x: d.0, y: d.1, series: s) }
                    prev = d
                }
            }
        }
        var lines: [String] = []
        if !title.isEmpty { lines.append(title) }
        lines += axes.frame(grid, color: color)
        if series.count > 1 || !(series.first?.name.isEmpty ?? true) {
            lines.append(legend(color: color, markers: useMarkers))
        }
        return lines.joined(separator: "\n")
    }

    func legend(color: Bool, markers: Bool) -> String {
        series.enumerated().map { s, curve in
            let sample = markers ? String(repeating: Palette.marker(s), count: 2) : "──"
            return Palette.paint(sample, ansi256: Palette.color(s).ansi256, enabled: color) + " " + curve.name
        }.joined(separator: "   ")
    }

    /// A self-contained SVG (viewBox, axes, tick labels, legend) sized `width × height` user units.
    public func svg(width: Double = 640, height: Double = 360) -> String {
        let axes = self.axes
        var svg = SVGWriter(width: width, height: height)
        let box = XYAxes.box(width: width, height: height, hasTitle: !title.isEmpty)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 20, cssClass: "title") }
        axes.drawSVG(into: &svg, box: box)
        for (s, curve) in series.enumerated() {
            let pts = curve.points.filter { $0.x.isFinite && $0.y.isFinite }
            let d = pts.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(num(axes.px(p.x, box))) \(num(axes.py(p.y, box)))" }
            svg.add("<path class=\"series series-\(s)\" stroke=\"\(Palette.color(s).hex)\" d=\"\(d.joined(separator: " "))\"><title>\(escapeXML(curve.name))</title></path>")
        }
        // Legend in the top-right corner of the plotting box.
        for (s, curve) in series.enumerated() where series.count > 1 || !curve.name.isEmpty {
            let y = box.top + 14 + Double(s) * 16
            svg.line(x1: box.right - 130, y1: y - 4, x2: box.right - 110, y2: y - 4, cssClass: "legend-swatch", stroke: Palette.color(s).hex)
            svg.text(curve.name, x: box.right - 104, y: y, anchor: "start", cssClass: "legend")
        }
        return svg.document(title: title.isEmpty ? "line plot" : title)
    }
}
