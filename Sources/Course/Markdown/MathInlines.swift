/// Turns the math that ``MathProtection`` marked into ``Inline/math(tex:display:)`` nodes.
///
/// Before libcmark sees a lesson, each formula's `$`/`$$` delimiters become private markers
/// (rare punctuation characters, so emphasis next to a formula still opens and closes as it
/// would beside `$`). After the parse, a formula's TeX may be spread over several text nodes
/// and soft breaks; ``fold(_:)`` gathers it into one node, so every renderer and the linter
/// see the same formulas, found once by one rule.
enum MathInlines {
    static let inlineOpen: Unicode.Scalar = "\u{2E3C}"
    static let inlineClose: Unicode.Scalar = "\u{2E3D}"
    static let displayOpen: Unicode.Scalar = "\u{2E3E}"
    static let displayClose: Unicode.Scalar = "\u{2E3F}"

    static func isMarker(_ s: Unicode.Scalar) -> Bool { s.value >= 0x2E3C && s.value <= 0x2E3F }

    static func containsMarker(_ s: String) -> Bool { s.unicodeScalars.contains(where: isMarker) }

    /// The delimiters written back, for text where math has no meaning (code, raw HTML, URLs).
    static func restore(_ s: String) -> String {
        guard containsMarker(s) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case inlineOpen, inlineClose: out.append("$")
            case displayOpen, displayClose: out.append(contentsOf: "$$".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// One level of inline content with each marked formula made a single `.math` node.
    static func fold(_ inlines: [Inline]) -> [Inline] {
        guard inlines.contains(where: { if case .text(let t) = $0 { return containsMarker(t) }; return false }) else {
            return inlines
        }
        var out: [Inline] = []
        var tex: String.UnicodeScalarView?
        var display = false
        for inline in inlines {
            switch inline {
            case .text(let text):
                var plain = String.UnicodeScalarView()
                for scalar in text.unicodeScalars {
                    if tex != nil {
                        if scalar == (display ? displayClose : inlineClose) {
                            out.append(.math(tex: String(tex!), display: display))
                            tex = nil
                        } else {
                            tex!.append(scalar)
                        }
                    } else if scalar == inlineOpen || scalar == displayOpen {
                        if !plain.isEmpty { out.append(.text(String(plain))) }
                        plain = String.UnicodeScalarView()
                        tex = String.UnicodeScalarView()
                        display = scalar == displayOpen
                    } else if scalar == inlineClose {
                        // A stray closing marker (never made by the protection pass) reads as `$`.
                        plain.append("$")
                    } else if scalar == displayClose {
                        plain.append(contentsOf: "$$".unicodeScalars)
                    } else {
                        plain.append(scalar)
                    }
                }
                if !plain.isEmpty { out.append(.text(String(plain))) }
            case .softBreak where tex != nil, .lineBreak where tex != nil:
                tex!.append("\n")
            default:
                if tex != nil {
                    tex!.append(contentsOf: [inline].plainText.unicodeScalars)
                } else {
                    out.append(inline)
                }
            }
        }
        if let open = tex {
            // Never closed on this level (the markers are always paired, so this is defensive).
            out.append(.text((display ? "$$" : "$") + String(open)))
        }
        return out
    }
}
