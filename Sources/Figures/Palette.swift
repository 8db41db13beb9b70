import Foundation

/// Colors shared by every figure, chosen to read on both light and dark backgrounds.
///
/// Series `i` uses `Palette.series[i % count]`: a hex color for SVG and the closest
/// ANSI 256 index for the terminal, so a curve has the same hue in both renderings.
public enum Palette {
    public struct Color: Sendable, Equatable {
        public let hex: String
        public let ansi256: Int
    }

    /// Mid-tone hues: bright enough on a dark page, dark enough on a white one.
    public static let series: [Color] = [
        Color(hex: "#3b82f6", ansi256: 33),   // blue
        Color(hex: "#f97316", ansi256: 208),  // orange
        Color(hex: "#10b981", ansi256: 36),   // green
        Color(hex: "#e11d48", ansi256: 161),  // rose
        Color(hex: "#8b5cf6", ansi256: 99),   // violet
        Color(hex: "#ca8a04", ansi256: 178),  // amber
    ]

    public static func color(_ index: Int) -> Color { series[index % series.count] }

    /// Characters that tell series apart when color is off.
    public static let markers: [Character] = ["•", "+", "x", "o", "#", "%"]
    public static func marker(_ index: Int) -> Character { markers[index % markers.count] }

    /// Wraps `text` in an ANSI 256 foreground color, or returns it unchanged when `enabled` is false.
    public static func paint(_ text: String, ansi256: Int, enabled: Bool) -> String {
        enabled ? "\u{1B}[38;5;\(ansi256)m\(text)\u{1B}[0m" : text
    }

    /// A sequential scale for heat-maps: `t` in 0...1 → an RGB hex from dark blue through teal to yellow
    /// (perceptually ordered, like viridis; our own five stops, linearly interpolated).
    public static func scaleHex(_ t: Double) -> String {
        let (r, g, b) = scaleRGB(t)
        func hex(_ v: Double) -> String {
            let s = String(Int((v * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }

    static let stops: [(Double, Double, Double)] = [
        (0.18, 0.10, 0.40), (0.16, 0.35, 0.60), (0.13, 0.57, 0.55), (0.45, 0.78, 0.35), (0.98, 0.90, 0.15),
    ]

    public static func scaleRGB(_ t: Double) -> (Double, Double, Double) {
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        let f = x - Double(i)
        let a = stops[i], b = stops[i + 1]
        return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
    }

    /// Relative luminance (WCAG) of the scale's color at `t`, 0 (black) … 1 (white).
    public static func scaleLuminance(_ t: Double) -> Double {
        let (r, g, b) = scaleRGB(t)
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// Whether text on the scale's color at `t` should be white: white wins when its contrast
    /// ratio with the cell beats black's, i.e. below luminance ≈ 0.18 (the dark blue end).
    public static func scaleNeedsLightText(_ t: Double) -> Bool {
        let l = scaleLuminance(t)
        return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05)
    }

    /// The same scale as an ANSI 256 color-cube index (16 + 36r + 6g + b).
    public static func scaleANSI(_ t: Double) -> Int {
        let (r, g, b) = scaleRGB(t)
        func q(_ v: Double) -> Int { Int((v * 5).rounded()) }
        return 16 + 36 * q(r) + 6 * q(g) + q(b)
    }
}
