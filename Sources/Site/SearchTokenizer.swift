import Foundation

/// Splits text into search terms, the same way at index time (here) and at query time (the
/// JavaScript port in ``SiteScript``), so Chinese text is found as well as English words.
///
/// Rule: NFKC, lower-case. A run of letters/digits (not CJK) is one term, with British
/// -ise/-isation/-yse spellings folded into -ize/-ization/-yze (``americanSpelling(_:)``), so
/// "quantise" and "quantize" are one term. A run of CJK characters (Han, Kana, Hangul) gives its
/// overlapping character bigrams, or the character itself when the run is one character long.
/// Everything else separates terms.
///
/// `terms("注意力 Attention")` → `["注意", "意力", "attention"]`. The index also holds every
/// CJK character on its own (``indexTerms(_:)``), so a one-character query (量) finds the words
/// that contain it, while a longer query still matches by bigrams.
public enum SearchTokenizer {
    /// Terms of the text as the index stores them: ``terms(_:)`` plus each CJK character of
    /// runs longer than one (a one-character run is already its own term).
    public static func indexTerms(_ text: String) -> [String] {
        terms(text, unigrams: true)
    }

    public static func terms(_ text: String) -> [String] {
        terms(text, unigrams: false)
    }

    static func terms(_ text: String, unigrams: Bool) -> [String] {
        let normalized = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out: [String] = []
        var word = ""
        var cjk: [Unicode.Scalar] = []
        func flushWord() {
            if !word.isEmpty { out.append(americanSpelling(word)); word = "" }
        }
        func flushCJK() {
            if cjk.count == 1 { out.append(String(cjk[0])) }
            else if cjk.count > 1 {
                for i in 0..<(cjk.count - 1) {
                    var s = ""
                    s.unicodeScalars.append(cjk[i]); s.unicodeScalars.append(cjk[i + 1])
                    out.append(s)
                }
                if unigrams { for c in cjk { out.append(String(c)) } }
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

    /// British endings folded into American ones: -ise(s/d/r/rs), -ising, -isation(s) → -iz…,
    /// and -yse(s/d/r), -ysing → -yz… (analyse → analyze). Only words of six letters or more, so
    /// "rise" and "wise" stay; a longer word that is not a spelling variant ("promise") is folded
    /// too, harmlessly, because index and query fold alike (the JavaScript twin uses the same rule).
    static func americanSpelling(_ word: String) -> String {
        guard word.utf8.count >= 6 else { return word }
        for (suffix, replacement) in spellingSuffixes where word.hasSuffix(suffix) {
            let stem = word.dropLast(suffix.count)
            guard stem.count >= 2, stem.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
            return String(stem) + replacement
        }
        return word
    }

    /// A half-typed British word as the folded index has it: "quantis" → "quantiz", so the
    /// prefix search finds "quantize" while the reader is still typing "quantise". Nil when the
    /// word does not end in the beginning of one of the endings.
    static func americanPrefix(_ word: String) -> String? {
        for (suffix, replacement) in spellingSuffixes {
            for k in stride(from: suffix.count, through: 2, by: -1) where word.hasSuffix(String(suffix.prefix(k))) {
                let stem = String(word.dropLast(k))
                if stem.count >= 2 { return stem + String(replacement.prefix(k)) }
            }
        }
        return nil
    }

    /// Longest first, so "isations" is not read as "ations" after an "is".
    static let spellingSuffixes: [(String, String)] = [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("isers", "izers"),
        ("iser", "izer"), ("ises", "izes"), ("ised", "ized"), ("ise", "ize"),
        ("ysing", "yzing"), ("yser", "yzer"), ("yses", "yzes"), ("ysed", "yzed"), ("yse", "yze"),
    ]

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
