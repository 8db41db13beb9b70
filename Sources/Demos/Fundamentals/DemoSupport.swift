import Figures
import Foundation
import Tensors

/// Helpers every fundamentals demo shares: color policy, figures, number formatting, tables.
extension DemoContext {
    /// Color only for an interactive terminal that has not asked for none (NO_COLOR, TERM=dumb).
    var color: Bool {
        let env = ProcessInfo.processInfo.environment
        if env["NO_COLOR"] != nil || env["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// Shows a line plot in the terminal and writes its SVG.
    func show(_ name: String, _ plot: LinePlot, height: Int = 12) throws {
        try figure(name, svg: plot.svg(), terminal: plot.terminal(width: min(width, 100), height: height, color: color))
    }

    func show(_ name: String, _ plot: ScatterPlot, height: Int = 18) throws {
        try figure(name, svg: plot.svg(), terminal: plot.terminal(width: min(width, 72), height: height, color: color))
    }

    func show(_ name: String, _ chart: BarChart) throws {
        try figure(name, svg: chart.svg(), terminal: chart.terminal(width: min(width, 80), color: color))
    }

    func show(_ name: String, _ map: HeatMap) throws {
        var map = map
        map.words = figureWords
        try figure(name, svg: map.svg(), terminal: map.terminal(color: color))
    }

    /// A section heading in the demo's narrative.
    func heading(_ text: String) {
        print()
        print("== \(text) ==")
    }

    /// A plain-text table with right-aligned numeric columns.
    func table(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { c in ([header[c]] + rows.map { c < $0.count ? $0[c] : "" }).map(displayWidth).max() ?? 0 }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { c, s in
                let pad = String(repeating: " ", count: max(0, widths[c] - displayWidth(s)))
                return c == 0 ? s + pad : pad + s
            }.joined(separator: "  ")
        }
        // Too wide for the terminal: one block per row instead, its first cell on a line of its
        // own and the others as "header value" pairs below it, wrapped to the width.
        if widths.reduce(2 * (widths.count - 1), +) > width, header.count > 1 {
            for row in rows {
                print(row.first ?? "")
                let pairs = zip(header.dropFirst(), row.dropFirst()).map { "\($0): \($1.trimmingCharacters(in: .whitespaces))" }
                print("  " + pairs.joined(separator: " · "))
            }
            return
        }
        print(render(header))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        rows.forEach { print(render($0)) }
    }
}

/// `value` with `digits` decimals ("0.1235").
func fixed(_ value: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }

/// `value` in scientific notation ("1.2e-09"), for tiny errors.
func sci(_ value: Double) -> String { String(format: "%.1e", value) }
