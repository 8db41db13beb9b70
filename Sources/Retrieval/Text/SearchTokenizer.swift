/// Turns text into the terms a keyword index counts: lower-cased words for alphabetic
/// scripts, overlapping character bigrams for Chinese, Japanese and Korean.
///
/// Chinese is written without spaces, and a word segmenter is a model of its own. Bigrams
/// need none: "向量資料庫" becomes `向量 量資 資料 料庫`, and a query "資料庫" (`資料 料庫`)
/// shares two terms with it, so BM25 finds it. A CJK run of one character is kept as a
/// unigram so that short queries still match.
///
/// Rules, applied to the text in order:
/// - letters and digits of non-CJK scripts form words, lower-cased (`KV-cache` → `kv`, `cache`);
///   an apostrophe inside a word is dropped with what follows (`model's` → `model`);
/// - every maximal run of CJK ideographs, kana or hangul gives its bigrams;
/// - everything else (spaces, punctuation, symbols) separates terms.
///
/// ```swift
/// SearchTokenizer.terms("The KV cache stores keys.")   // ["the", "kv", "cache", "stores", "keys"]
/// SearchTokenizer.terms("什麼是量化？")                  // ["什麼", "麼是", "是量", "量化"]
/// ```
public enum SearchTokenizer {
    // ANCHOR: terms
    public static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var word = ""
        var cjkRun: [Character] = []
        var skippingSuffix = false

        func flushWord() {
            if !word.isEmpty { terms.append(word) }
            word = ""
            skippingSuffix = false
        }
        func flushCJK() {
            if cjkRun.count == 1 { terms.append(String(cjkRun[0])) }
            if cjkRun.count > 1 {
                for i in 0..<(cjkRun.count - 1) { terms.append(String(cjkRun[i]) + String(cjkRun[i + 1])) }
            }
            cjkRun.removeAll(keepingCapacity: true)
        }

        for character in text {
            if isCJK(character) {
                flushWord()
                cjkRun.append(character)
            } else if character.isLetter || character.isNumber {
                flushCJK()
                if !skippingSuffix { word += character.lowercased() }
            } else if (character == "'" || character == "’") && !word.isEmpty {
                skippingSuffix = true   // "model's" counts as "model"
            } else {
                flushCJK()
                flushWord()
            }
        }
        flushCJK()
        flushWord()
        return terms
    }
    // ANCHOR_END: terms

    /// True for Han ideographs, kana, hangul and the CJK compatibility ranges: the scripts
    /// written without spaces between words.
    public static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF,     // hiragana, katakana
             0x3400...0x4DBF,     // CJK extension A
             0x4E00...0x9FFF,     // CJK unified ideographs
             0xAC00...0xD7AF,     // hangul syllables
             0xF900...0xFAFF,     // compatibility ideographs
             0x20000...0x2FA1F:   // extensions B–F and supplements
            return true
        default:
            return false
        }
    }
}
