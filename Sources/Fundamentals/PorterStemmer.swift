import Foundation

/// The first three steps of Porter's suffix-stripping stemmer (M. F. Porter, 1980), for lower-case
/// English words: plurals and -ed/-ing (step 1), then derivational endings such as -ational,
/// -ization, -fulness (step 2) and -icate, -ative, -ness (step 3).
///
/// Porter measures a stem by m, the number of vowel–consonant runs in it ([C](VC)^m[V]:
/// "tree" m = 0, "trouble" m = 1, "private" m = 2), and strips a derivational ending only while
/// the stem stays long enough (m > 0). Its limits, which this short version keeps:
/// - It cuts strings, not words: the stem need not be a word ("ponies" → "poni",
///   "happy" → "happi"); it only has to be the same for related forms.
/// - Irregular forms are out of its reach ("went", "mice", "better" stay as they are); that
///   needs a lemmatizer, which looks words up in a dictionary with their part of speech.
/// - Steps 4 and 5 (-ment, -ence, -ive, … and a final -e) are left out, so "generalization" stops
///   at "general" but "adjustment" keeps its "-ment".
public enum PorterStemmer {
    // ANCHOR: porter-measure
    /// Whether the letter at `i` is a consonant: not a, e, i, o, u, and "y" only after a vowel.
    static func isConsonant(_ w: [Character], _ i: Int) -> Bool {
        switch w[i] {
        case "a", "e", "i", "o", "u": return false
        case "y": return i == 0 || !isConsonant(w, i - 1)
        default: return true
        }
    }

    /// m: the number of vowel-then-consonant transitions in the stem.
    static func measure(_ w: [Character]) -> Int {
        var m = 0
        for i in w.indices.dropFirst() where isConsonant(w, i) && !isConsonant(w, i - 1) { m += 1 }
        return m
    }
    // ANCHOR_END: porter-measure

    static func hasVowel(_ w: [Character]) -> Bool { w.indices.contains { !isConsonant(w, $0) } }

    static func endsDoubleConsonant(_ w: [Character]) -> Bool {
        w.count >= 2 && w[w.count - 1] == w[w.count - 2] && isConsonant(w, w.count - 1)
    }

    /// Consonant–vowel–consonant at the end, the last not w, x or y ("hop", "fil"): a short
    /// syllable that takes back its "e" ("filing" → "file").
    static func endsCVC(_ w: [Character]) -> Bool {
        let n = w.count
        return n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && !"wxy".contains(w[n - 1])
    }

    static let step2: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"),
        ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ]
    static let step3: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    /// Replaces the longest listed suffix when the stem before it has m > 0.
    static func replaceLongest(_ w: [Character], _ rules: [(String, String)]) -> [Character] {
        let s = String(w)
        guard let (suffix, replacement) = rules.filter({ s.hasSuffix($0.0) }).max(by: { $0.0.count < $1.0.count }) else { return w }
        let stem = Array(w.dropLast(suffix.count))
        return measure(stem) > 0 ? stem + replacement : w
    }

    // ANCHOR: porter-step1
    /// Step 1: plurals, -ed and -ing, and a final y after a vowel-bearing stem.
    static func step1(_ word: [Character]) -> [Character] {
        var w = word
        let s = String(w)
        if s.hasSuffix("sses") || s.hasSuffix("ies") { w.removeLast(2) }              // caresses, ponies
        else if s.hasSuffix("s") && !s.hasSuffix("ss") { w.removeLast() }            // cats (not caress)
        let t = String(w)
        var stripped = false
        if t.hasSuffix("eed") {
            if measure(Array(w.dropLast(3))) > 0 { w.removeLast() }                   // agreed → agree, not feed
        } else if t.hasSuffix("ed"), hasVowel(Array(w.dropLast(2))) {
            w.removeLast(2); stripped = true                                         // plastered
        } else if t.hasSuffix("ing"), hasVowel(Array(w.dropLast(3))) {
            w.removeLast(3); stripped = true                                         // motoring, not sing
        }
        if stripped {
            let u = String(w)
            if u.hasSuffix("at") || u.hasSuffix("bl") || u.hasSuffix("iz") { w.append("e") }   // conflat(ed) → conflate
            else if endsDoubleConsonant(w) && !"lsz".contains(w.last!) { w.removeLast() }      // hopping → hop
            else if measure(w) == 1 && endsCVC(w) { w.append("e") }                            // filing → file
        }
        if w.last == "y", hasVowel(Array(w.dropLast())) { w[w.count - 1] = "i" }      // happy → happi
        return w
    }
    // ANCHOR_END: porter-step1

    /// The stem of a lower-case word (words of one or two letters are left alone).
    public static func stem(_ word: String) -> String {
        guard word.count > 2 else { return word }
        return String(replaceLongest(replaceLongest(step1(Array(word)), step2), step3))
    }
}
