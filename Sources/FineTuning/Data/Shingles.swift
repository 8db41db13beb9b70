/// The overlapping pieces a text is cut into before two texts are compared as sets.
///
/// Two texts are near-duplicates when they share most of their pieces. A *shingle* is one
/// piece: `k` consecutive characters, or `n` consecutive words. The text is first lower-cased
/// and its runs of white space made single spaces, so case and spacing never count as a
/// difference. Then
///
///     characters(k):  { t[i ..< i+k]  for i in 0 … |t| − k }      (|t| − k + 1 pieces at most)
///     words(n):       { w[i] … w[i+n−1] joined by " "  for i in 0 … |w| − n }
///
/// A text shorter than one shingle is a single shingle (itself); an empty text has none.
/// Characters are Unicode scalars (what Python's `str` indexes), so a Chinese text is cut into
/// runs of `k` 漢字 and the shingles match those of the Python fixture script.
///
/// Short character shingles suit short, noisy texts (a typo changes only the `k` shingles that
/// cover it); word shingles suit long ones. Which to choose is the first knob of
/// near-duplicate detection:
///
/// ```swift
/// Shingles.characters("Reverse the word cat.", k: 4)   // {"reve", "ever", "vers", …}: 18 shingles
/// Shingles.words("Reverse the word cat.", n: 2)       // {"reverse the", "the word", "word cat."}
/// ```
public enum Shingles {
    /// Lower-cased, with every run of white space made one space and none at either end.
    public static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // ANCHOR: shingles
    /// The set of `k`-character pieces of the normalized text.
    public static func characters(_ text: String, k: Int) -> Set<String> {
        precondition(k >= 1, "a shingle has at least one character")
        let scalars = Array(normalize(text).unicodeScalars)
        if scalars.isEmpty { return [] }
        if scalars.count <= k { return [String(String.UnicodeScalarView(scalars))] }
        return Set((0...(scalars.count - k)).map { String(String.UnicodeScalarView(scalars[$0 ..< $0 + k])) })
    }

    /// The set of `n`-word pieces of the normalized text, words joined by one space.
    public static func words(_ text: String, n: Int) -> Set<String> {
        precondition(n >= 1, "a shingle has at least one word")
        let words = normalize(text).split(separator: " ").map(String.init)
        if words.isEmpty { return [] }
        if words.count <= n { return [words.joined(separator: " ")] }
        return Set((0...(words.count - n)).map { words[$0 ..< $0 + n].joined(separator: " ") })
    }
    // ANCHOR_END: shingles

    /// Each shingle's 32-bit hash (``SHA1/hash32(_:)-(String)``), the numbers MinHash permutes.
    public static func hashes(_ shingles: Set<String>) -> [UInt32] {
        shingles.map { SHA1.hash32($0) }
    }
}

/// How a ``NearDuplicates`` run cuts its texts: `k` characters or `n` words per shingle.
public enum ShingleKind: Sendable, Equatable {
    case characters(Int)
    case words(Int)

    /// The shingles of `text` of this kind.
    public func shingles(_ text: String) -> Set<String> {
        switch self {
        case .characters(let k): Shingles.characters(text, k: k)
        case .words(let n): Shingles.words(text, n: n)
        }
    }
}
