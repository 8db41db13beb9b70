/// How many terminal columns text occupies, after Unicode East Asian Width (UAX #11).
///
/// A terminal lays text out on a grid: ASCII letters take one cell, Chinese characters,
/// fullwidth forms, Hangul syllables and emoji take two, combining marks take none. Wrapping
/// and table layout must count cells, not characters or bytes, or CJK lines overflow and
/// table borders drift.
///
/// Usage:
/// ```swift
/// DisplayWidth.of("abc")      // 3
/// DisplayWidth.of("注意力")    // 6
/// DisplayWidth.of("e\u{301}") // 1 (e + combining acute)
/// ```
/// Ambiguous-width characters (box drawing, Greek, `·`) count as one column, as most
/// Western-configured terminals show them.
///
/// The two entry points are `@inlinable`: renderers in other modules call them for every
/// character, and a cross-module call to a generic function would not be specialized.
public enum DisplayWidth {
    /// Columns taken by a whole string (sum over its grapheme clusters).
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // Fast path: printable ASCII is one column per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for ch in text { total += of(ch) }
        return total
    }

    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    @inlinable
    public static func of(_ ch: Character) -> Int {
        // Fast path: printable ASCII is by far the most common case.
        if let ascii = ch.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        return of(scalars: ch.unicodeScalars)
    }

    /// Columns taken by a non-ASCII grapheme cluster, from its scalars (for callers that
    /// already hold them: making a character's scalar view is the costly part).
    @inlinable
    public static func of(scalars: Character.UnicodeScalarView) -> Int {
        var width = 0
        var sawEmojiPresentation = false
        for scalar in scalars {
            let v = scalar.value
            if v == 0xFE0F { sawEmojiPresentation = true; continue }
            if width == 0 { width = of(scalar: v) }
        }
        // A text-default symbol followed by VS16 (e.g. "❤️") is drawn as a wide emoji.
        if sawEmojiPresentation && width == 1 { return 2 }
        return width
    }

    /// Columns for a single scalar value, ignoring what follows it.
    public static func of(scalar v: UInt32) -> Int {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }  // control characters
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Combining marks, joiners and variation selectors add no column of their own.
    public static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
             0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF,
             0x1160...0x11FF,  // Hangul medial vowels and final consonants (conjoining jamo)
             0x302A...0x302D, 0x3099...0x309A,
             0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus emoji with default emoji presentation.
    public static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F,                    // Hangul Jamo leading consonants
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E,                    // CJK radicals, Kangxi, ideographic punctuation
             0x3041...0x33FF,                    // Hiragana, Katakana, Bopomofo, CJK compatibility
             0x3400...0x4DBF,                    // CJK extension A
             0x4E00...0x9FFF,                    // CJK unified ideographs
             0xA000...0xA4CF,                    // Yi
             0xA960...0xA97F,                    // Hangul Jamo extended A
             0xAC00...0xD7A3,                    // Hangul syllables
             0xF900...0xFAFF,                    // CJK compatibility ideographs
             0xFE10...0xFE19, 0xFE30...0xFE6F,   // vertical and small form variants
             0xFF00...0xFF60, 0xFFE0...0xFFE6,   // fullwidth forms
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F2FF,
             0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E,
             0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
             0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC,
             0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD: // CJK extensions B and beyond
            return true
        default:
            return false
        }
    }
}
