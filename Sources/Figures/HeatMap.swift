/// A matrix of values as colored cells — attention weights, confusion matrices, similarities.
///
/// ```swift
/// let map = HeatMap(title: "attention", values: weights,       // [[Double]], rows × columns
///                   rowLabels: tokens, columnLabels: tokens)
/// print(map.terminal(color: true))   // ANSI 256 background colors
/// print(map.terminal(color: false))  // shade characters " ░▒▓█"
/// ```
/// Values map linearly from `range` (default: the data's min…max) onto ``Palette/scaleHex(_:)``.
/// The SVG has one `<rect class="cell">` per value, in row-major order, plus a color bar
/// (``svg(cellSize:)`` in HeatMap+SVG.swift). Brighter (yellow) means a larger value in both renderings.
public struct HeatMap: Sendable {
    public var title: String
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Fixed color range (e.g. 0...1 for probabilities); nil means the data's own range.
    public var range: ClosedRange<Double>?
    /// Print each value inside its SVG cell (two decimals; values that round to 0 stay blank).
    public var showValues: Bool
    /// What the values are ("weight", "similarity"), written beside the color bar.
    public var scaleLabel: String
    /// The words of the color-bar caption and the terminal scale line.
    public var words: FigureWords = .english

    public init(title: String = "", values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                range: ClosedRange<Double>? = nil, showValues: Bool = false, scaleLabel: String = "") {
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.range = range
        self.showValues = showValues
        self.scaleLabel = scaleLabel
    }

    var bounds: (Double, Double) {
        if let r = range { return (r.lowerBound, r.upperBound) }
        let all = values.flatMap { $0 }.filter(\.isFinite)
        return (all.min() ?? 0, all.max() ?? 1)
    }

    /// Position of `v` in the color range, 0…1.
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
        lines.append("\(words.scale): \(compactNumber(lo)) \(ramp) \(compactNumber(hi))")
        return lines.joined(separator: "\n")
    }
}
