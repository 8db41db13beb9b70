import Foundation

/// Splits text into search terms, the same way at index time (here) and at query time (the
/// JavaScript port in ``SiteScript``), so Chinese text is found as well as English words.
///
/// Rule: NFKC, lower-case. A run of letters/digits (not CJK) is one term. A run of CJK
/// characters (Han, Kana, Hangul) gives its overlapping character bigrams, or the character
/// itself when the run is one character long. Everything else separates terms.
///
/// `terms("注意力 Attention")` → `["注意", "意力", "attention"]`.
public enum SearchTokenizer {
    public static func terms(_ text: String) -> [String] {
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out: [String] = []
        var word = ""
        var cjk: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { out.append(word); word = "" }
        }
        func flushCJK() {
            if cjk.count == 1 { out.append(String(cjk[0])) }
            else if cjk.count > 1 {
                for i in 0..<(cjk.count - 1) {
                    var s = ""
                    s.unicodeScalars.append(cjk[i]); s.unicodeScalars.append(cjk[i + 1])
                    out.append(s)
                }
            }
            cjk.removeAll()
        }
        for scalar in normalized.unicodeScalars {
            if isCJK(scalar) {
                flushWord(); cjk.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber {
                flushCJK(); word.unicodeScalars.append(scalar)
            } else {
                flushWord(); flushCJK()
            }
        }
        flushWord(); flushCJK()
        return out
    }

    /// Han, Hiragana, Katakana and Hangul — the scripts written without spaces between words.
    /// The JavaScript tokenizer uses the same ranges.
    static let cjkRanges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF, 0x3040...0x309F, 0x30A0...0x30FF, 0x3130...0x318F, 0x31F0...0x31FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3134F,
    ]

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v >= 0x1100 else { return false }
        return cjkRanges.contains { $0.contains(v) }
    }
}
