import Foundation

/// "Nice" axis ticks: round numbers (1, 2, 5 × 10ⁿ) that cover a data range.
///
/// ```swift
/// let t = Ticks(lower: 0.13, upper: 2.7, count: 7)
/// t.values      // [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
/// t.label(1.5)  // "1.5"
/// ```
public struct Ticks: Equatable, Sendable {
    /// Tick positions, ascending; the first and last enclose the data range.
    public let values: [Double]
    /// Distance between neighboring ticks.
    public let step: Double

    /// Chooses about `count` ticks spanning `lower...upper`, widened to round numbers.
    public init(lower: Double, upper: Double, count: Int = 5) {
        var lo = lower, hi = upper
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 {
            // A flat series still needs an axis: open a small window around it.
            let pad = max(abs(lo) * 0.1, 1e-3)
            lo -= pad; hi += pad
        }
        let step = Ticks.niceStep((hi - lo) / Double(max(count - 1, 1)))
        let first = (lo / step).rounded(.down) * step
        let last = (hi / step).rounded(.up) * step
        let n = Int(((last - first) / step).rounded()) + 1
        self.step = step
        self.values = (0..<n).map { i in
            let v = first + Double(i) * step
            return abs(v) < step * 1e-9 ? 0 : v   // avoid "-0"
        }
    }

    /// Smallest of 1, 2, 5, 10 × 10ⁿ at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }

    /// The tick written with as many decimals as the step needs ("0.25", "1e+04").
    public func label(_ value: Double) -> String {
        Ticks.format(value, step: step)
    }

    /// Formats `value` with the decimals a spacing of `step` needs.
    public static func format(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        let a = abs(value)
        if a >= 1e5 || a < 1e-4 { return String(format: "%.1e", value) }
        let decimals = max(0, min(6, -Int((log10(step)).rounded(.down))))
        return String(format: "%.\(decimals)f", value)
    }
}

/// Compact numbers for labels and tables: 3 significant digits, no trailing noise.
public func compactNumber(_ value: Double) -> String {
    if value == 0 { return "0" }
    if !value.isFinite { return String(value) }
    let a = abs(value)
    if a >= 1e5 || a < 1e-3 { return String(format: "%.2e", value) }
    let decimals = max(0, 2 - Int(log10(a).rounded(.down)))
    var s = String(format: "%.\(decimals)f", value)
    if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
    }
    return s
}
