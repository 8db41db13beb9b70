import Foundation

/// A tiny builder for self-contained SVG figures.
///
/// Every figure gets the same frame: a `viewBox` (so it scales), a `<title>` for screen readers,
/// and a style block in which text and axes take their color from `--fg`. The site shows figures
/// as `<img>`, which inherits nothing from the page — but browsers pass the image element's
/// `color-scheme` on as `prefers-color-scheme`, so the dark rule below follows the page's theme
/// (toggle included) and the figure reads on the site's dark card. Data colors come from
/// ``Palette`` and stay the same in both themes.
struct SVGWriter {
    let width: Double
    let height: Double
    private(set) var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func add(_ element: String) { body.append(element) }

    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "middle", cssClass: String = "label",
                       rotate degrees: Double? = nil) {
        let transform = degrees.map { " transform=\"rotate(\(num($0)) \(num(x)) \(num(y)))\"" } ?? ""
        add("<text class=\"\(cssClass)\" x=\"\(num(x))\" y=\"\(num(y))\" text-anchor=\"\(anchor)\"\(transform)>\(escapeXML(s))</text>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String, stroke: String? = nil) {
        let color = stroke.map { " stroke=\"\($0)\" stroke-width=\"3\"" } ?? ""
        add("<line class=\"\(cssClass)\" x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\"\(color)/>")
    }

    func document(title: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(width)) \(num(height))\" "
        out += "width=\"\(num(width))\" height=\"\(num(height))\" role=\"img\" aria-label=\"\(escapeXML(title))\">\n"
        out += "<title>\(escapeXML(title))</title>\n"
        out += """
        <style>
        svg { --fg: #1d2228; }
        @media (prefers-color-scheme: dark) { svg { --fg: #dde3ea; } }
        text { fill: var(--fg); font-family: system-ui, "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif; font-size: 12px; }
        .title { font-size: 14px; font-weight: 600; }
        .axis { stroke: var(--fg); stroke-width: 1; fill: none; }
        .grid { stroke: var(--fg); stroke-opacity: 0.15; stroke-width: 1; }
        .series { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
        .cell-value { font-size: 11px; font-weight: 600; }
        .cell-value.on-light { fill: #111; }
        .cell-value.on-dark { fill: #fff; }
        .scale-bar { stroke: var(--fg); stroke-opacity: 0.4; }
        </style>

        """
        out += body.joined(separator: "\n")
        out += "\n</svg>\n"
        return out
    }
}

/// A coordinate written with at most two decimals ("12.5", "3").
func num(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    if r == r.rounded() { return String(Int(r)) }
    var s = String(format: "%.2f", r)
    while s.hasSuffix("0") { s.removeLast() }
    return s
}

func escapeXML(_ s: String) -> String {
    var out = ""
    for ch in s {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(ch)
        }
    }
    return out
}
