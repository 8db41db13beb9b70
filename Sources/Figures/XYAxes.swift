/// The x/y frame shared by line plots and scatter plots: tick choice, the mapping from data
/// to terminal dots or SVG pixels, and the drawing of axes with tick labels.
struct XYAxes {
    let xTicks: Ticks
    let yTicks: Ticks
    let xLabel: String
    let yLabel: String

    /// Ticks for the data's bounding box; `yIncludesZero` anchors bar-like quantities at 0.
    init(xs: [Double], ys: [Double], xLabel: String, yLabel: String, yIncludesZero: Bool = false) {
        let fx = xs.filter(\.isFinite), fy = ys.filter(\.isFinite)
        var ylo = fy.min() ?? 0, yhi = fy.max() ?? 1
        if yIncludesZero { ylo = min(ylo, 0); yhi = max(yhi, 0) }
        xTicks = Ticks(lower: fx.min() ?? 0, upper: fx.max() ?? 1, count: 6)
        yTicks = Ticks(lower: ylo, upper: yhi, count: 5)
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    // MARK: terminal

    /// Data → braille dot coordinates in a grid (y grows downwards).
    func dot(_ x: Double, _ y: Double, in grid: TextGrid) -> (Int, Int) {
        let fx = (x - xTicks.lower) / (xTicks.upper - xTicks.lower)
        let fy = (yTicks.upper - y) / (yTicks.upper - yTicks.lower)
        return (Int((fx * Double(grid.dotColumns - 1)).rounded()), Int((fy * Double(grid.dotRows - 1)).rounded()))
    }

    /// Data → cell coordinates (for marker mode).
    func cell(_ x: Double, _ y: Double, in grid: TextGrid) -> (Int, Int) {
        let (dx, dy) = dot(x, y, in: grid)
        return (dx / 2, dy / 4)
    }

    /// Width of the y tick labels column.
    var yLabelWidth: Int { yTicks.values.map { displayWidth(yTicks.label($0)) }.max() ?? 1 }

    /// The grid framed by a left axis with y tick labels and a bottom axis with x tick labels.
    func frame(_ grid: TextGrid, color: Bool) -> [String] {
        let lw = yLabelWidth
        // Row of each y tick (top row is the upper tick).
        var tickAtRow: [Int: String] = [:]
        for v in yTicks.values {
            let fy = (yTicks.upper - v) / (yTicks.upper - yTicks.lower)
            tickAtRow[Int((fy * Double(grid.rows - 1)).rounded())] = yTicks.label(v)
        }
        var lines: [String] = []
        if !yLabel.isEmpty { lines.append(yLabel) }
        for r in 0..<grid.rows {
            let label = tickAtRow[r].map { padLeft($0, lw) + " ┤" } ?? String(repeating: " ", count: lw) + " │"
            lines.append(label + grid.line(r, color: color))
        }
        // Bottom axis: └───┬───┬── with labels centered under the ┬ marks, none past the
        // right end of the axis: the figure is exactly as wide as it was asked to be.
        let total = lw + 2 + grid.columns
        var axis = Array(repeating: Character("─"), count: grid.columns)
        var labelLine = Array(repeating: Character(" "), count: total)
        for v in xTicks.values {
            let fx = (v - xTicks.lower) / (xTicks.upper - xTicks.lower)
            let c = Int((fx * Double(grid.columns - 1)).rounded())
            guard c >= 0, c < grid.columns else { continue }
            axis[c] = "┬"
            let text = Array(xTicks.label(v))
            let start = max(0, min(lw + 2 + c - text.count / 2, total - text.count))
            // Skip a label that would collide with the previous one.
            let span = start..<min(labelLine.count, start + text.count)
            if span.allSatisfy({ labelLine[$0] == " " }) && (start == 0 || labelLine[start - 1] == " ") {
                for (k, ch) in text.enumerated() where start + k < labelLine.count { labelLine[start + k] = ch }
            }
        }
        lines.append(String(repeating: " ", count: lw) + " └" + String(axis))
        var labels = String(labelLine)
        while labels.hasSuffix(" ") { labels.removeLast() }
        // The axis title follows the tick labels when it fits, else gets a line of its own.
        if !xLabel.isEmpty {
            if displayWidth(labels) + 2 + displayWidth(xLabel) <= total {
                labels += (labels.isEmpty ? "" : "  ") + xLabel
            } else {
                lines.append(labels)
                labels = padLeft(xLabel, total)
            }
        }
        lines.append(labels)
        return lines
    }

    // MARK: SVG

    /// The plotting rectangle inside an SVG of the given size (margins leave room for labels).
    struct Box { let left, top, right, bottom: Double }

    static func box(width: Double, height: Double, hasTitle: Bool) -> Box {
        Box(left: 60, top: hasTitle ? 34 : 14, right: width - 16, bottom: height - 44)
    }

    func px(_ x: Double, _ box: Box) -> Double {
        box.left + (x - xTicks.lower) / (xTicks.upper - xTicks.lower) * (box.right - box.left)
    }

    func py(_ y: Double, _ box: Box) -> Double {
        box.bottom - (y - yTicks.lower) / (yTicks.upper - yTicks.lower) * (box.bottom - box.top)
    }

    /// Grid lines, axis lines, tick labels and axis titles.
    func drawSVG(into svg: inout SVGWriter, box: Box) {
        for v in yTicks.values {
            let y = py(v, box)
            svg.line(x1: box.left, y1: y, x2: box.right, y2: y, cssClass: "grid")
            svg.text(yTicks.label(v), x: box.left - 6, y: y + 4, anchor: "end", cssClass: "tick")
        }
        for v in xTicks.values {
            let x = px(v, box)
            svg.line(x1: x, y1: box.top, x2: x, y2: box.bottom, cssClass: "grid")
            svg.text(xTicks.label(v), x: x, y: box.bottom + 16, cssClass: "tick")
        }
        svg.line(x1: box.left, y1: box.bottom, x2: box.right, y2: box.bottom, cssClass: "axis")
        svg.line(x1: box.left, y1: box.top, x2: box.left, y2: box.bottom, cssClass: "axis")
        if !xLabel.isEmpty { svg.text(xLabel, x: (box.left + box.right) / 2, y: box.bottom + 34) }
        if !yLabel.isEmpty { svg.text(yLabel, x: 14, y: (box.top + box.bottom) / 2, rotate: -90) }
    }
}
