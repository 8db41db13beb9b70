/// Escaping for text placed into HTML, so lesson text such as `<script>`, `&` or quotes is
/// always shown as written and never interpreted by the browser.
///
/// Usage:
/// ```swift
/// HTML.escape("a < b & \"c\"")   // "a &lt; b &amp; &quot;c&quot;"
/// ```
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`: safe both in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        // Fast path: most text needs no change.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A URL placed in `href`/`src`: dangerous schemes are dropped, the rest is attribute-escaped.
    public static func url(_ destination: String) -> String {
        let lowered = destination.trimmingPrefixWhitespace().lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("data:text/html") {
            return "#"
        }
        return escape(destination)
    }
}

extension String {
    func trimmingPrefixWhitespace() -> Substring {
        self.drop(while: { $0.isWhitespace })
    }
}
