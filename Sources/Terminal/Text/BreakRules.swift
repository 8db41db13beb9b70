/// Where a line may break, for text that mixes English and Chinese (a small subset of UAX #14
/// plus the kinsoku rules of W3C JLREQ / CLREQ).
///
/// - Latin text breaks only at spaces; a word is never split unless it alone is wider than the line.
/// - Ideographs, kana and CJK punctuation may break between any two characters, and at a
///   boundary between CJK and Latin text, without any space being inserted.
/// - Hangul, like Latin, breaks at spaces.
/// - Kinsoku: closing punctuation (，。、」』） …) never starts a line and opening brackets
///   (「『（ …) never end one; the break moves one character earlier instead.
enum BreakRules {
    /// True for characters between which a line may break with no space: Han, kana, CJK
    /// punctuation, fullwidth forms and wide emoji. Hangul is excluded on purpose.
    static func isIdeographic(_ ch: Character) -> Bool {
        guard let v = ch.unicodeScalars.first?.value, v >= 0x2E80 else { return false }
        switch v {
        case 0x2E80...0x303F,        // radicals, ideographic description, CJK symbols and punctuation
             0x3040...0x30FF,        // Hiragana, Katakana
             0x3100...0x31FF,        // Bopomofo, Katakana extensions
             0x3200...0x33FF,        // enclosed CJK, compatibility
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFE30...0xFE4F,        // CJK compatibility forms
             0xFF00...0xFFEF,        // halfwidth and fullwidth forms
             0x1F300...0x1FAFF,      // emoji
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Characters that must not begin a line (closing punctuation, small kana, prolonged sound mark),
    /// plus ASCII closing punctuation so that `中文,` does not leave the comma on the next line.
    static func isNoStart(_ ch: Character) -> Bool {
        noStart.contains(ch)
    }

    /// Characters that must not end a line (opening brackets and quotes).
    static func isNoEnd(_ ch: Character) -> Bool {
        noEnd.contains(ch)
    }

    private static let noStart: Set<Character> = Set(
        "，。、；：？！」』）》〉】〕〗〙〛｝］〞’”・ー々〻…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
        + "％‰℃，．：；！？"
        + ",.;:!?)]}%"
    )

    private static let noEnd: Set<Character> = Set("「『（《〈【〔〖〘〚｛［〝‘“（" + "([{")

    /// Whether a line may break between `before` and `after` when no space separates them.
    static func mayBreak(between before: Character, and after: Character) -> Bool {
        guard isIdeographic(before) || isIdeographic(after) else { return false }
        if isNoStart(after) || isNoEnd(before) { return false }
        return true
    }

    /// Whether a soft line break in the source between these characters should vanish
    /// (both are ideographic, so a space would be a visible error) rather than become a space.
    static func softBreakVanishes(between before: Character?, and after: Character?) -> Bool {
        guard let b = before, let a = after else { return false }
        return isIdeographic(b) && isIdeographic(a)
    }
}
