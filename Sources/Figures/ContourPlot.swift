import Foundation

/// A function of two variables sampled on a grid, drawn as level bands with contour lines —
/// a loss surface around a minimum, a potential, any z = f(x, y).
///
/// ```swift
/// let plot = ContourPlot(title: "loss", xs: alphas, ys: betas, values: grid,   // grid[j][i] = f(xs[i], ys[j])
///                        levels: [2.0, 2.1, 2.3, 2.7], xLabel: "α", yLabel: "β")
/// print(plot.terminal())   // one character per band, two columns per grid point
/// try Data(plot.svg().utf8).write(to: url)
/// ```
/// A point's band is the number of levels at or below its value (0 below the first level);
/// both renderings color by band with ``Palette/scaleHex(_:)``, so two plots with the same
/// `levels` can be compared band for band. The SVG's contour lines (`<path class="contour">`,
/// one per level) are found by marching squares: on each grid cell, the level crosses an edge
/// where the values at its ends lie on different sides, at the linearly interpolated point.
public struct ContourPlot: Sendable {
    public var title: String
    public var xs: [Double]
    public var ys: [Double]
    /// `values[j][i]` is the function at `(xs[i], ys[j])`.
    public var values: [[Double]]
    /// Increasing contour levels.
    public var levels: [Double]
    public var xLabel: String
    public var yLabel: String
    /// The word before the list of levels under the terminal rendering.
    public var levelsCaption = "levels"

    public init(title: String = "", xs: [Double], ys: [Double], values: [[Double]], levels: [Double]? = nil,
                xLabel: String = "", yLabel: String = "") {
        precondition(values.count == ys.count && values.allSatisfy { $0.count == xs.count }, "values must be ys.count × xs.count")
        self.title = title
        self.xs = xs
        self.ys = ys
        self.values = values
        let finite = values.flatMap { $0 }.filter(\.isFinite)
        let (lo, hi) = (finite.min() ?? 0, finite.max() ?? 1)
        self.levels = levels ?? (1...8).map { lo + (hi - lo) * Double($0) / 9 }
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The band of `v`: how many levels are ≤ v (0…levels.count).
    public func band(_ v: Double) -> Int { levels.filter { $0 <= v }.count }

    static let shades: [Character] = Array(" .:-=+*#%@")

    /// One character per band (darker = higher), two columns per grid point, the highest y on top.
    public func terminal() -> String {
        var lines: [String] = title.isEmpty ? [] : [title]
        let labels = ys.map { compactNumber($0) }, lw = labels.map(\.count).max() ?? 0
        for j in ys.indices.reversed() {
            let row = values[j].map { v -> String in
                let k = min(band(v) * (Self.shades.count - 1) / max(levels.count, 1), Self.shades.count - 1)
                return String(repeating: Self.shades[k], count: 2)
            }.joined()
            lines.append(String(repeating: " ", count: lw - labels[j].count) + labels[j] + " │" + row)
        }
        let first = compactNumber(xs.first ?? 0), last = compactNumber(xs.last ?? 0)
        let span = 2 * xs.count
        lines.append(String(repeating: " ", count: lw + 2) + first
                     + String(repeating: " ", count: max(1, span - first.count - last.count)) + last)
        lines.append(String(repeating: " ", count: lw + 2) + "\(xLabel) →, \(yLabel) ↑")
        lines.append(String(repeating: " ", count: lw + 2) + levelsCaption + ": " + levels.map(compactNumber).joined(separator: " "))
        return lines.joined(separator: "\n")
    }

    /// Marching squares: the segments where the interpolated surface crosses `level`, in grid
    /// coordinates (x = column index, y = row index, fractional along an edge).
    public func segments(at level: Double) -> [((Double, Double), (Double, Double))] {
        var result: [((Double, Double), (Double, Double))] = []
        guard ys.count >= 2, xs.count >= 2 else { return result }
        for j in 0..<(ys.count - 1) {
            for i in 0..<(xs.count - 1) {
                // Corners counter-clockwise from (i, j); edge k runs from corner k to corner k+1.
                let corners = [(Double(i), Double(j)), (Double(i + 1), Double(j)), (Double(i + 1), Double(j + 1)), (Double(i), Double(j + 1))]
                let v = [values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i]]
                guard v.allSatisfy(\.isFinite) else { continue }
                var crossings: [(Double, Double)] = []
                for k in 0..<4 {
                    let (a, b) = (v[k], v[(k + 1) % 4])
                    guard (a < level) != (b < level) else { continue }
                    let t = (level - a) / (b - a)
                    let (p, q) = (corners[k], corners[(k + 1) % 4])
                    crossings.append((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)))
                }
                // Two crossings: one segment. Four (a saddle): pair them by the cell's mean.
                if crossings.count == 2 {
                    result.append((crossings[0], crossings[1]))
                } else if crossings.count == 4 {
                    let centerAbove = v.reduce(0, +) / 4 >= level, firstAbove = v[0] >= level
                    if centerAbove == firstAbove {
                        result.append((crossings[0], crossings[1])); result.append((crossings[2], crossings[3]))
                    } else {
                        result.append((crossings[3], crossings[0])); result.append((crossings[1], crossings[2]))
                    }
                }
            }
        }
        return result
    }

    /// Bands as colored cells, contour lines on top, the point (0, 0) marked if inside, axes and a level key.
    public func svg(width: Double = 480, height: Double = 440) -> String {
        var svg = SVGWriter(width: width, height: height)
        let axes = XYAxes(xs: [xs.first ?? 0, xs.last ?? 1], ys: [ys.first ?? 0, ys.last ?? 1], xLabel: xLabel, yLabel: yLabel)
        let box = XYAxes.Box(left: 60, top: title.isEmpty ? 14 : 34, right: width - 16, bottom: height - 78)
        if !title.isEmpty { svg.text(title, x: width / 2, y: 20, cssClass: "title") }
        let bands = Double(max(levels.count, 1))
        // Grid coordinates → pixels: point (i, j) sits at (xs[i], ys[j]) (evenly spaced).
        func gx(_ i: Double) -> Double { axes.px(xs[0] + i * ((xs.last! - xs[0]) / Double(max(xs.count - 1, 1))), box) }
        func gy(_ j: Double) -> Double { axes.py(ys[0] + j * ((ys.last! - ys[0]) / Double(max(ys.count - 1, 1))), box) }
        let (hw, hh) = (abs(gx(1) - gx(0)) / 2, abs(gy(1) - gy(0)) / 2)
        for j in ys.indices {
            for i in xs.indices {
                let v = values[j][i]
                let fill = v.isFinite ? Palette.scaleHex(Double(band(v)) / bands) : "#888888"
                svg.add("<rect class=\"band\" x=\"\(num(max(box.left, gx(Double(i)) - hw)))\" y=\"\(num(max(box.top, gy(Double(j)) - hh)))\" "
                        + "width=\"\(num(min(box.right, gx(Double(i)) + hw) - max(box.left, gx(Double(i)) - hw)))\" "
                        + "height=\"\(num(min(box.bottom, gy(Double(j)) + hh) - max(box.top, gy(Double(j)) - hh)))\" fill=\"\(fill)\"/>")
            }
        }
        for level in levels {
            let d = segments(at: level).map { "M\(num(gx($0.0.0))) \(num(gy($0.0.1)))L\(num(gx($0.1.0))) \(num(gy($0.1.1)))" }
            guard !d.isEmpty else { continue }
            svg.add("<path class=\"contour\" fill=\"none\" stroke=\"#000\" stroke-opacity=\"0.7\" stroke-width=\"1.2\" d=\"\(d.joined())\"><title>\(compactNumber(level))</title></path>")
        }
        if let x0 = xs.first, let x1 = xs.last, let y0 = ys.first, let y1 = ys.last, (x0...x1).contains(0), (y0...y1).contains(0) {
            svg.add("<circle class=\"center\" cx=\"\(num(axes.px(0, box)))\" cy=\"\(num(axes.py(0, box)))\" r=\"4\" fill=\"#fff\" stroke=\"#000\"/>")
        }
        axes.drawSVG(into: &svg, box: box)
        // Level key: one swatch per band with the level that starts it.
        let keyY = height - 22, swatch = min(40.0, (width - 80) / Double(levels.count + 1))
        for k in 0...levels.count {
            let x = 60 + Double(k) * swatch
            svg.add("<rect class=\"key\" x=\"\(num(x))\" y=\"\(num(keyY - 10))\" width=\"\(num(swatch))\" height=\"10\" fill=\"\(Palette.scaleHex(Double(k) / bands))\"/>")
            if k < levels.count { svg.text(compactNumber(levels[k]), x: x + swatch, y: keyY + 12, cssClass: "tick") }
        }
        return svg.document(title: title.isEmpty ? "contour plot" : title)
    }
}
