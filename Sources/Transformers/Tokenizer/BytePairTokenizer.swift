/// A byte-level byte-pair-encoding tokenizer, as used by GPT-2, SmolLM and many others.
///
/// Text becomes token ids in three steps:
/// 1. special tokens such as `<|endoftext|>` are cut out and map straight to their ids;
/// 2. the rest is split into chunks by the ``PreTokenizer`` (words, numbers, punctuation,
///    whitespace runs), so merges never cross a word boundary;
/// 3. each chunk's UTF-8 bytes start as one token per byte, then the learned merges are applied,
///    always the earliest-learned (lowest-rank) adjacent pair first, until none applies.
///
/// Decoding concatenates the tokens' bytes and reads them as UTF-8, so any text round-trips.
///
/// ```swift
/// let tokenizer = try BytePairTokenizer(directory: checkpointURL)  // tokenizer.json or vocab.json + merges.txt
/// let ids = tokenizer.encode("the model reads a token")             // [84, 298, 221, 77, …]
/// tokenizer.decode(ids)                                             // "the model reads a token"
/// ```
public struct BytePairTokenizer: Sendable {
    /// Two adjacent token ids that a merge joins.
    public struct Pair: Hashable, Sendable {
        public let left: Int
        public let right: Int
        public init(_ left: Int, _ right: Int) {
            self.left = left
            self.right = right
        }
    }

    /// What a merge produces and when it was learned (lower rank = applied first).
    struct Merge: Sendable {
        let rank: Int
        let result: Int
    }

    /// Each id's bytes (for special tokens: their UTF-8 text).
    let bytesById: [Int: [UInt8]]
    /// Vocabulary-file spelling → id (byte tokens in the ``ByteUnicodeMap`` spelling).
    public let idsByToken: [String: Int]
    /// The id of the single-byte token for each byte value.
    let byteIds: [Int]
    let merges: [Pair: Merge]
    /// The merges in the order they were learned.
    public let mergeList: [Pair]
    /// Special tokens (`<|endoftext|>`, …): matched in the raw text before anything else.
    public let specialTokens: [String: Int]
    public let preTokenizer: PreTokenizer

    /// One more than the largest id.
    public var vocabularySize: Int { (bytesById.keys.max() ?? -1) + 1 }

    /// Builds a tokenizer from its parts. `vocabulary` must hold all 256 byte tokens and the
    /// result of every merge; `source` names the file in errors.
    public init(
        vocabulary: [String: Int], merges: [(String, String)], specialTokens: [String: Int],
        preTokenizer: PreTokenizer = .gpt2, source: String
    ) throws(ModelFileError) {
        var byteIds = [Int](repeating: -1, count: 256)
        var bytesById: [Int: [UInt8]] = [:]
        for (token, id) in vocabulary {
            if let bytes = ByteUnicodeMap.decode(token) {
                bytesById[id] = bytes
                if bytes.count == 1 { byteIds[Int(bytes[0])] = id }
            } else if specialTokens[token] == nil && !(token.hasPrefix("<") && token.hasSuffix(">")) {
                throw ModelFileError(
                    file: source, kind: .unsupported,
                    problem: "vocabulary entry \(token.debugDescription) (id \(id)) is not written in GPT-2's byte-to-character alphabet",
                    fix: "this is not a byte-level BPE vocabulary; use a GPT-2-style tokenizer (SentencePiece models are not supported)")
            }
        }
        if let missing = byteIds.firstIndex(of: -1) {
            throw ModelFileError(
                file: source, kind: .inconsistent,
                problem: "the vocabulary has no token for byte 0x\(String(missing, radix: 16)) (spelled \(ByteUnicodeMap.character(for: UInt8(missing))))",
                fix: "a byte-level BPE vocabulary needs all 256 single-byte tokens")
        }
        var mergeTable: [Pair: Merge] = [:]
        var mergeList: [Pair] = []
        for (rank, (left, right)) in merges.enumerated() {
            guard let l = vocabulary[left], let r = vocabulary[right], let joined = vocabulary[left + right] else {
                throw ModelFileError(
                    file: source, kind: .inconsistent,
                    problem: "merge #\(rank + 1) \"\(left) \(right)\" uses or makes a token missing from the vocabulary",
                    fix: "the merges and the vocabulary must come from the same tokenizer")
            }
            let pair = Pair(l, r)
            if mergeTable[pair] == nil { mergeTable[pair] = Merge(rank: rank, result: joined) }
            mergeList.append(pair)
        }
        for (text, id) in specialTokens { bytesById[id] = Array(text.utf8) }
        self.bytesById = bytesById
        self.idsByToken = vocabulary.merging(specialTokens) { a, _ in a }
        self.byteIds = byteIds
        self.merges = mergeTable
        self.mergeList = mergeList
        self.specialTokens = specialTokens
        self.preTokenizer = preTokenizer
    }

    // ANCHOR: encode
    /// Token ids of `text`. With `allowSpecialTokens: false`, a literal `<|endoftext|>` in the
    /// text is encoded as ordinary characters (safer for untrusted input).
    public func encode(_ text: String, allowSpecialTokens: Bool = true) -> [Int] {
        var ids: [Int] = []
        for segment in splitSpecialTokens(text, enabled: allowSpecialTokens) {
            switch segment {
            case .special(let id): ids.append(id)
            case .text(let plain):
                for chunk in preTokenizer.split(plain) { ids += encodeChunk(Array(chunk.utf8)) }
            }
        }
        return ids
    }

    /// Applies the merges to one pre-tokenized chunk: lowest rank first, every occurrence of it
    /// left to right, until no adjacent pair has a merge.
    public func encodeChunk(_ bytes: [UInt8]) -> [Int] {
        var ids = bytes.map { byteIds[Int($0)] }
        while ids.count >= 2 {
            var best: (pair: Pair, merge: Merge)?
            for i in 0..<(ids.count - 1) {
                let pair = Pair(ids[i], ids[i + 1])
                if let merge = merges[pair], merge.rank < best?.merge.rank ?? Int.max { best = (pair, merge) }
            }
            guard let (pair, merge) = best else { break }
            ids = Self.replace(pair, with: merge.result, in: ids)
        }
        return ids
    }
    // ANCHOR_END: encode

    /// `ids` with every non-overlapping occurrence of `pair`, scanning left to right, replaced by `id`.
    static func replace(_ pair: Pair, with id: Int, in ids: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(ids.count)
        var i = 0
        while i < ids.count {
            if i + 1 < ids.count && ids[i] == pair.left && ids[i + 1] == pair.right {
                out.append(id)
                i += 2
            } else {
                out.append(ids[i])
                i += 1
            }
        }
        return out
    }

    /// The bytes the ids stand for. Unknown ids contribute U+FFFD's bytes.
    public func decodeBytes(_ ids: [Int]) -> [UInt8] {
        ids.flatMap { bytesById[$0] ?? Array("\u{FFFD}".utf8) }
    }

    /// Every id's bytes, indexed by id: what constrained decoding walks through its automaton.
    /// Special tokens and unused ids get no bytes (they never spell text).
    public func tokenBytes() -> [[UInt8]] {
        let special = Set(specialTokens.values)
        return (0..<vocabularySize).map { special.contains($0) ? [] : bytesById[$0] ?? [] }
    }

    /// The text the ids stand for; byte sequences that are not valid UTF-8 (e.g. half an emoji
    /// at the end of a generation) become U+FFFD.
    public func decode(_ ids: [Int]) -> String {
        String(decoding: decodeBytes(ids), as: UTF8.self)
    }

    /// The vocabulary-file spelling of one id (`"Ġthe"`), or nil for an unknown id.
    public func token(for id: Int) -> String? {
        if let special = specialTokens.first(where: { $0.value == id }) { return special.key }
        return bytesById[id].map { ByteUnicodeMap.encode($0) }
    }

    enum Segment: Equatable {
        case text(String)
        case special(Int)
    }

    /// Cuts the special tokens out of `text`; at each position the longest special token wins.
    func splitSpecialTokens(_ text: String, enabled: Bool) -> [Segment] {
        guard enabled, !specialTokens.isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        let specials = specialTokens.map { (bytes: Array($0.key.utf8), id: $0.value) }
            .filter { !$0.bytes.isEmpty }.sorted { $0.bytes.count > $1.bytes.count }
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var start = 0
        var i = 0
        func flush(upTo end: Int) {
            // Special tokens are valid UTF-8, so the cut points are scalar boundaries.
            if start < end { segments.append(.text(String(decoding: bytes[start..<end], as: UTF8.self))) }
        }
        while i < bytes.count {
            if let match = specials.first(where: { bytes[i...].starts(with: $0.bytes) }) {
                flush(upTo: i)
                segments.append(.special(match.id))
                i += match.bytes.count
                start = i
            } else {
                i += 1
            }
        }
        flush(upTo: bytes.count)
        return segments
    }
}
