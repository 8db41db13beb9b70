import Foundation

/// A character-level vocabulary: one token per character (Swift `Character`, a user-perceived
/// character), with rare characters folded into one unknown symbol.
///
/// Character tokens need no tokenizer training and treat English and Chinese alike: a letter
/// and a Chinese character are each one token. The price is a long sequence for English
/// (one token per letter) and a large vocabulary for Chinese (every distinct character).
/// Characters seen fewer than `minimumCount` times in the training text get no token of their
/// own: each one is read as ``unknown`` (id 0). A model cannot learn much about a character it
/// has seen once or twice, and the held-out text may hold characters training never had, which
/// need *some* id.
///
/// Ids: 0 is ``unknown``; the kept characters follow in Unicode order (so a vocabulary is the
/// same whatever order the text came in).
///
/// ```swift
/// let vocabulary = CharacterVocabulary(text: "abracadabra", minimumCount: 2)
/// vocabulary.characters           // ["�", "a", "b", "r"]: "c" and "d" appear once
/// vocabulary.encode("bad")        // [2, 1, 0]
/// vocabulary.decode([2, 1, 0])    // "ba�"
/// ```
public struct CharacterVocabulary: Sendable, Equatable {
    /// The symbol every rare character becomes (U+FFFD REPLACEMENT CHARACTER), id 0.
    public static let unknown: Character = "\u{FFFD}"

    /// id → character; `characters[0]` is ``unknown``.
    public let characters: [Character]
    let ids: [Character: Int]

    /// The characters of `text` that occur at least `minimumCount` times, plus ``unknown``.
    public init(text: String, minimumCount: Int = 3) {
        var counts: [Character: Int] = [:]
        for character in text { counts[character, default: 0] += 1 }
        let kept = counts.filter { $0.value >= minimumCount && $0.key != Self.unknown }.keys
        self.init(characters: [Self.unknown] + kept.sorted { String($0).unicodeScalars.lexicographicallyPrecedes(String($1).unicodeScalars) { $0.value < $1.value } })
    }

    /// A vocabulary with exactly these characters (the first must be ``unknown``).
    public init(characters: [Character]) {
        precondition(characters.first == Self.unknown, "CharacterVocabulary: id 0 must be the unknown symbol")
        self.characters = characters
        ids = Dictionary(characters.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Number of tokens (V), the unknown symbol included.
    public var count: Int { characters.count }

    /// The id of a character: its own, or 0 when it is rare.
    public func id(_ character: Character) -> Int { ids[character] ?? 0 }

    /// One id per character of `text`.
    public func encode(_ text: String) -> [Int] { text.map(id) }

    /// The characters of `ids`; unknown characters come back as ``unknown``.
    public func decode(_ ids: [Int]) -> String { String(ids.map { characters[$0] }) }

    /// How many characters of `text` have no token of their own.
    public func unknownCount(in text: String) -> Int { text.reduce(0) { $0 + (ids[$1] == nil || $1 == Self.unknown ? 1 : 0) } }
}
