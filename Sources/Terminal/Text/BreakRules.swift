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
    /// What the break rules need to know about one character, computed once per character.
    struct Traits: OptionSet {
        let rawValue: UInt8
        static let ideographic = Traits(rawValue: 1)
        static let noStart = Traits(rawValue: 2)
        static let noEnd = Traits(rawValue: 4)
    }

    static func traits(_ ch: Character) -> Traits {
        if let a = ch.asciiValue { return traits(ascii: a) }
        return traits(scalar: ch.unicodeScalars.first?.value ?? 0)
    }

    static func traits(ascii a: UInt8) -> Traits {
        switch a {
        case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "%"):
            return .noStart
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            return .noEnd
        default:
            return []
        }
    }

    /// Traits of a non-ASCII character, from its first scalar.
    static func traits(scalar v: UInt32) -> Traits {
        var t: Traits = isIdeographic(scalar: v) ? .ideographic : []
        guard v >= 0x2000 else { return t }  // every no-start / no-end mark lies above U+2000
        if noStart.contains(v) { t.insert(.noStart) }
        if noEnd.contains(v) { t.insert(.noEnd) }
        return t
    }

    /// True for characters between which a line may break with no space: Han, kana, CJK
    /// punctuation, fullwidth forms and wide emoji. Hangul is excluded on purpose.
    static func isIdeographic(_ ch: Character) -> Bool {
        guard let v = ch.unicodeScalars.first?.value else { return false }
        return isIdeographic(scalar: v)
    }

    static func isIdeographic(scalar v: UInt32) -> Bool {
        guard v >= 0x2E80 else { return false }
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
    static func isNoStart(_ ch: Character) -> Bool { traits(ch).contains(.noStart) }

    /// Characters that must not end a line (opening brackets and quotes).
    static func isNoEnd(_ ch: Character) -> Bool { traits(ch).contains(.noEnd) }

    private static let noStart: Set<UInt32> = Set(
        ("，。、；：？！」』）》〉】〕〗〙〛｝］〞’”・ー々〻…‥ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
         + "％‰℃，．：；！？").unicodeScalars.map(\.value)
    )

    private static let noEnd: Set<UInt32> = Set("「『（《〈【〔〖〘〚｛［〝‘“".unicodeScalars.map(\.value))

    /// Whether a line may break between two characters with these traits and no space between.
    static func mayBreak(between before: Traits, and after: Traits) -> Bool {
        guard before.contains(.ideographic) || after.contains(.ideographic) else { return false }
        return !after.contains(.noStart) && !before.contains(.noEnd)
    }

    /// Whether a line may break between `before` and `after` when no space separates them.
    static func mayBreak(between before: Character, and after: Character) -> Bool {
        mayBreak(between: traits(before), and: traits(after))
    }

    /// Whether a soft line break in the source between these characters should vanish
    /// (both are ideographic, so a space would be a visible error) rather than become a space.
    static func softBreakVanishes(between before: Traits, and after: Traits) -> Bool {
        before.contains(.ideographic) && after.contains(.ideographic)
    }
}
