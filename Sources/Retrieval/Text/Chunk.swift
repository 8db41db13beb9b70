/// A piece of a document, small enough to embed or to put in a prompt.
///
/// `start` lets a chunk be found again in its source (to highlight it, or to fetch the text
/// around it); `headings` keeps the Markdown headings above it, outermost first, so a chunk
/// that reads "It stores them per layer" still says what "it" is when shown alone.
///
/// ```swift
/// let chunks = FixedSizeSplitter(size: 200, overlap: 40).split(text)
/// for chunk in chunks { print(chunk.start, chunk.text.count) }
/// ```
public struct Chunk: Hashable, Sendable, Codable {
    public var text: String
    /// Offset of the chunk's first character in the source, in `Character`s (grapheme clusters).
    public var start: Int
    /// The headings the chunk sits under, outermost first (empty for plain text).
    public var headings: [String]

    public init(text: String, start: Int, headings: [String] = []) {
        self.text = text
        self.start = start
        self.headings = headings
    }
}
