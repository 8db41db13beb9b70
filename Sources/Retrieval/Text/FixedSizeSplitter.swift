/// Cuts text into windows of a fixed size that overlap, the simplest chunking there is.
///
/// Window `i` starts at `i · (size − overlap)` and holds `size` units; the last window ends at
/// the end of the text, so every unit lands in at least one chunk. The overlap repeats the
/// end of one chunk at the start of the next: a sentence cut in two by a boundary is still
/// whole in one of them.
///
/// Units are either characters — `Character`s, so "向量" is two, as a reader counts, not six
/// UTF-8 bytes — or tokens from a tokenizer you pass, which is what a model's context limit
/// is measured in.
///
/// ```swift
/// let splitter = FixedSizeSplitter(size: 5, overlap: 2)
/// splitter.split("abcdefghij").map(\.text)          // ["abcde", "defgh", "ghij"]
/// splitter.split(text, pieces: FixedSizeSplitter.wordPieces)   // 5 words, 2 shared
/// ```
public struct FixedSizeSplitter: Sendable {
    public var size: Int
    public var overlap: Int

    public init(size: Int, overlap: Int = 0) {
        precondition(size > 0, "FixedSizeSplitter: size must be positive, got \(size)")
        precondition(overlap >= 0 && overlap < size, "FixedSizeSplitter: overlap must be in 0..<size (\(size)), got \(overlap)")
        self.size = size
        self.overlap = overlap
    }

    // ANCHOR: windows
    /// The `(start, end)` unit ranges of the windows over `count` units.
    public func windows(count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let step = size - overlap
        var ranges: [Range<Int>] = []
        var start = 0
        while true {
            let end = min(start + size, count)
            ranges.append(start..<end)
            if end == count { break }
            start += step
        }
        return ranges
    }
    // ANCHOR_END: windows

    /// Windows of `size` characters.
    public func split(_ text: String) -> [Chunk] {
        let characters = Array(text)
        return windows(count: characters.count).map { Chunk(text: String(characters[$0]), start: $0.lowerBound) }
    }

    /// Windows of `size` tokens. `pieces` must cut the text into tokens whose concatenation is
    /// the text itself (as byte-level BPE and ``wordPieces(_:)`` do), so each chunk's text is
    /// exact and its `start` is a character offset.
    public func split(_ text: String, pieces: (String) -> [String]) -> [Chunk] {
        let tokens = pieces(text)
        var offsets = [0]                         // character offset of each token
        for token in tokens { offsets.append(offsets.last! + token.count) }
        return windows(count: tokens.count).map { range in
            Chunk(text: tokens[range].joined(), start: offsets[range.lowerBound])
        }
    }

    /// Words with the spaces that follow them: `"a  b c"` → `["a  ", "b ", "c"]`. A CJK
    /// character counts as a word of its own, the usual rough token count for Chinese.
    public static func wordPieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inSpace = false, afterCJK = false
        for character in text {
            let isSpace = character.isWhitespace, isCJK = SearchTokenizer.isCJK(character)
            // A new piece starts at a word after spaces, at a CJK character, and right after one.
            if !current.isEmpty && !isSpace && (inSpace || isCJK || afterCJK) {
                pieces.append(current)
                current = ""
            }
            current.append(character)
            inSpace = isSpace
            afterCJK = isCJK
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
