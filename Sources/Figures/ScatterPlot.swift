/// 2-D points colored by class — classification data sets, embeddings projected to a plane.
///
/// ```swift
/// let plot = ScatterPlot(title: "two spirals", points: xy, classes: labels,
///                        classNames: ["class 0", "class 1"])
/// print(plot.terminal(width: 60, height: 20, color: false))  // markers • + x … per class
/// ```
/// In the terminal, with color each class is a braille dot in its palette color; without
/// color each class gets its own marker character at cell resolution. The SVG has one
/// `<circle class="point class-k">` per point. Optional `labels` name the points: the SVG
/// writes each beside its point, the terminal where there is room to the right of it.
public struct ScatterPlot: Sendable {
    public var title: String
    public var points: [(x: Double, y: Double)]
    public var classes: [Int]
    public var classNames: [String]
    public var xLabel: String
    public var yLabel: String
    /// A name per point (words in an embedding plot), or empty for none.
    public var labels: [String] = []

    /// `classes[i]` is the class index (0, 1, …) of `points[i]`.
    public init(title: String = "", points: [(x: Double, y: Double)], classes: [Int], classNames: [String] = [],
                xLabel: String = "", yLabel: String = "") {
        precondition(points.count == classes.count, "ScatterPlot: \(points.count) points but \(classes.count) class labels")
        self.title = title
        self.points = points
        self.classes = classes
        self.classNames = classNames
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    var axes: XYAxes { XYAxes(xs: points.map(\.x), ys: points.map(\.y), xLabel: xLabel, yLabel: yLabel) }

    var classCount: Int { max((classes.max() ?? -1) + 1, classNames.count) }

    func name(_ k: Int) -> String { k < classNames.count ? classNames[k] : "class \(k)" }

    public func terminal(width: Int = 60, height: Int = 20, color: Bool = false) -> String {
        let axes = self.axes
        var grid = TextGrid(columns: max(10, width - axes.yLabelWidth - 2), rows: max(3, height))
        for (p, k) in zip(points, classes) where p.x.isFinite && p.y.isFinite {
            if color {
                let d = axes.dot(p.x, p.y, in: grid)
                grid.setDot(x: d.0, y: d.1, series: k)
            } else {
                let c = axes.cell(p.x, p.y, in: grid)
                grid.setMark(column: c.0, row: c.1, Palette.marker(k), series: k)
            }
        }
        writeLabels(into: &grid, axes: axes)
        var lines: [String] = title.isEmpty ? [] : [title]
        lines += axes.frame(grid, color: color)
        lines.append((0..<classCount).map { k in
            Palette.paint(color ? "⣿" : String(Palette.marker(k)), ansi256: Palette.color(k).ansi256, enabled: color) + " " + name(k)
        }.joined(separator: "   "))
        return lines.joined(separator: "\n")
    }

    public func svg(width: Double = 480, height: Double = 400) -> String {
        let axes = self.axes
        var svg = SVGWriter(width: width, height: height)
        let box = XYAxes.box(width: width, height: height, hasTitle: !title.isEmpty)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 20, cssClass: "title") }
        axes.drawSVG(into: &svg, box: box)
        for (p, k) in zip(points, classes) where p.x.isFinite && p.y.isFinite {
            svg.add("<circle class=\"point class-\(k)\" cx=\"\(num(axes.px(p.x, box)))\" cy=\"\(num(axes.py(p.y, box)))\" r=\"3\" fill=\"\(Palette.color(k).hex)\"/>")
        }
        // Labels of nearby points would print over each other: move a label down a line until
        // its box (about 7 px per character, 13 px high) is clear of those already placed.
        var placed: [(x: Double, y: Double, width: Double)] = []
        for (p, label) in zip(points, labels) where p.x.isFinite && p.y.isFinite && !label.isEmpty {
            let x = axes.px(p.x, box) + 5, width = 7 * Double(label.count)
            var y = axes.py(p.y, box) + 4
            while placed.contains(where: { abs($0.y - y) < 13 && x < $0.x + $0.width && $0.x < x + width }) { y += 13 }
            placed.append((x, y, width))
            svg.text(label, x: x, y: y, anchor: "start", cssClass: "point-label")
        }
        for k in 0..<classCount {
            let y = box.top + 14 + Double(k) * 16
            svg.add("<circle class=\"legend-swatch\" cx=\"\(num(box.right - 110))\" cy=\"\(num(y - 4))\" r=\"4\" fill=\"\(Palette.color(k).hex)\"/>")
            svg.text(name(k), x: box.right - 100, y: y, anchor: "start", cssClass: "legend")
        }
        return svg.document(title: title.isEmpty ? "scatter plot" : title)
    }
}

extension ScatterPlot {
    /// Each label to the right of its point's cell, one character per cell, only where every
    /// cell it needs is still blank — so labels never hide points or each other.
    func writeLabels(into grid: inout TextGrid, axes: XYAxes) {
        for ((p, k), label) in zip(zip(points, classes), labels) where p.x.isFinite && p.y.isFinite && !label.isEmpty {
            let (column, row) = axes.cell(p.x, p.y, in: grid)
            let cells = (column + 1)...(column + label.count)
            guard cells.upperBound < grid.columns,
                  cells.allSatisfy({ grid.owner[row * grid.columns + $0] == nil }) else { continue }
            for (offset, ch) in label.enumerated() { grid.setMark(column: column + 1 + offset, row: row, ch, series: k) }
        }
    }
}
