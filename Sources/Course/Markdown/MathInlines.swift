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

    /// The markers are U+2E3C…U+2E3F, `E2 B8 BC`…`E2 B8 BF` in UTF-8: a byte scan finds them.
    /// Every text of every lesson passes through here, so the scan runs over the string's
    /// contiguous bytes when it has them (native strings do) and skips to each 0xE2 lead byte.
    static func containsMarker(_ s: String) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var i = 0
            let n = bytes.count
            while i + 2 < n {
                if bytes[i] == 0xE2 && bytes[i + 1] == 0xB8 && bytes[i + 2] >= 0xBC && bytes[i + 2] <= 0xBF { return true }
                i += 1
            }
            return false
        }) {
            return found
        }
        var utf8 = s.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = utf8.next() {
            if previous == (0xE2, 0xB8) && (0xBC...0xBF).contains(byte) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

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
                // Cut the text at its markers: slices are copied whole, never scalar by scalar.
                let scalars = text.unicodeScalars
                var start = scalars.startIndex
                var plain = ""
                func flushPlain() {
                    if !plain.isEmpty { out.append(.text(plain)) }
                    plain = ""
                }
                while let marker = scalars[start...].firstIndex(where: isMarker) {
                    let before = String(scalars[start..<marker])
                    let scalar = scalars[marker]
                    start = scalars.index(after: marker)
                    if tex != nil {
                        tex!.append(contentsOf: before.unicodeScalars)
                        if scalar == (display ? displayClose : inlineClose) {
                            out.append(.math(tex: String(tex!), display: display))
                            tex = nil
                        } else {
                            tex!.append(scalar)
                        }
                    } else if scalar == inlineOpen || scalar == displayOpen {
                        plain += before
                        flushPlain()
                        tex = String.UnicodeScalarView()
                        display = scalar == displayOpen
                    } else {
                        // A stray closing marker (never made by the protection pass) reads as `$`.
                        plain += before + (scalar == inlineClose ? "$" : "$$")
                    }
                }
                let rest = String(scalars[start...])
                if tex != nil { tex!.append(contentsOf: rest.unicodeScalars) } else { plain += rest }
                flushPlain()
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
