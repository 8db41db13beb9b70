/// A character-level tokenizer with whole-token specials (`<|im_start|>` is one id), small enough
/// that a tiny model trains in seconds.
///
/// ```swift
/// let tok = CharacterTokenizer(alphabet: "abc\n ", specials: ChatTemplate.specialTokens)
/// tok.encode("<|im_start|>ab")   // [id(<|im_start|>), id(a), id(b)]
/// ```
public struct CharacterTokenizer: Sendable {
    public let tokens: [String]
    let ids: [String: Int]
    let specials: [String]

    /// Specials come first (id 0 = the first special), then each distinct character of `alphabet`.
    public init(alphabet: String, specials: [String]) {
        var tokens = specials
        for character in alphabet where !tokens.contains(String(character)) { tokens.append(String(character)) }
        self.tokens = tokens
        self.specials = specials.sorted { $0.count > $1.count }
        ids = Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, $0) })
    }

    public var vocabularySize: Int { tokens.count }

    public func id(_ token: String) -> Int? { ids[token] }

    /// Ids of `text`; characters outside the alphabet are an error a caller can fix by widening it.
    public func encode(_ text: String) throws(TokenizerError) -> [Int] {
        var result: [Int] = []
        var rest = Substring(text)
        outer: while let first = rest.first {
            for special in specials where rest.hasPrefix(special) {
                result.append(ids[special]!)
                rest = rest.dropFirst(special.count)
                continue outer
            }
            guard let id = ids[String(first)] else { throw TokenizerError(character: first) }
            result.append(id)
            rest = rest.dropFirst()
        }
        return result
    }

    public func decode(_ ids: [Int]) -> String {
        ids.map { $0 >= 0 && $0 < tokens.count ? tokens[$0] : "?" }.joined()
    }

    /// A character that is not in the tokenizer's alphabet.
    public struct TokenizerError: Error, CustomStringConvertible {
        public let character: Character
        public var description: String { "the character \(character.debugDescription) is not in the tokenizer's alphabet; add it to the alphabet" }
    }
}
