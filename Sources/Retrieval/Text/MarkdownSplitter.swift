/// Splits a Markdown document along its own structure: headings, then paragraphs, then
/// sentences, and only as a last resort in the middle of a sentence.
///
/// The recursion, for a limit of `maxCharacters`:
/// 1. cut the document at every heading line (`#` … `######` outside code fences); each
///    section remembers the headings above it;
/// 2. a section that fits is one chunk; otherwise cut it into blocks at blank lines (a fenced
///    code block is one block, however long) and pack consecutive blocks while they fit;
/// 3. a block that is still too long is cut into sentences (``SentenceSplitter``) and packed
///    the same way;
/// 4. a sentence longer than the limit is cut by ``FixedSizeSplitter`` with no overlap.
///
/// Chunks keep the document's own words and line breaks; only leading and trailing blank
/// space is trimmed. The heading line itself stays in the first chunk of its section; a chunk
/// that would hold only heading lines is dropped (its words live on in `headings`).
///
/// ```swift
/// let chunks = MarkdownSplitter(maxCharacters: 400).split(markdown)
/// chunks[3].headings      // ["Vector storage", "Searching many vectors"]
/// ```
public struct MarkdownSplitter: Sendable {
    public var maxCharacters: Int

    public init(maxCharacters: Int) {
        precondition(maxCharacters > 0, "MarkdownSplitter: maxCharacters must be positive, got \(maxCharacters)")
        self.maxCharacters = maxCharacters
    }

    public func split(_ text: String) -> [Chunk] {
        sections(text).flatMap { section in
            pack(section.text, offset: section.start, headings: section.headings, level: 0)
        }.filter { !Self.isOnlyHeadings($0.text) }
    }

    /// A chunk that is nothing but heading lines says nothing its neighbors' `headings` do not.
    static func isOnlyHeadings(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { line in
            let t = line.drop { $0 == " " }
            return t.isEmpty || (t.hasPrefix("#") && t.drop { $0 == "#" }.first == " ")
        }
    }

    // ANCHOR: recursion
    /// Splits `text` at the finest level needed for every piece to fit: blocks, sentences, characters.
    func pack(_ text: String, offset: Int, headings: [String], level: Int) -> [Chunk] {
        if text.count <= maxCharacters || level > 2 {
            if text.count <= maxCharacters {
                let trimmed = Self.trimmed(text, offset: offset)
                return trimmed.text.isEmpty ? [] : [Chunk(text: trimmed.text, start: trimmed.start, headings: headings)]
            }
            // Level 3: no structure left to respect.
            return FixedSizeSplitter(size: maxCharacters).split(text).map {
                Chunk(text: $0.text, start: offset + $0.start, headings: headings)
            }
        }
        let parts = level == 0 ? Self.blocks(text) : SentenceSplitter.split(text)
        var chunks: [Chunk] = []
        var groupStart: Int? = nil, groupEnd = 0
        let characters = Array(text)
        func flush() {
            guard let s = groupStart else { return }
            chunks += pack(String(characters[s..<groupEnd]), offset: offset + s, headings: headings, level: level + 1)
            groupStart = nil
        }
        for part in parts {
            let end = part.start + part.text.count
            if let s = groupStart, end - s > maxCharacters { flush() }
            if groupStart == nil { groupStart = part.start }
            groupEnd = end
        }
        flush()
        return chunks
    }
    // ANCHOR_END: recursion

    /// The document cut at heading lines, each piece with the heading path above it.
    func sections(_ text: String) -> [(text: String, start: Int, headings: [String])] {
        let c = Array(text)
        var result: [(String, Int, [String])] = []
        var path: [(level: Int, title: String)] = []
        var sectionStart = 0, i = 0
        var currentPath: [String] = []
        while i < c.count {
            if let end = MarkdownScan.fenceEnd(c, at: i) { i = end; continue }
            let lineEnd = MarkdownScan.nextLine(c, from: i)
            var level = 0
            while i + level < c.count && c[i + level] == "#" { level += 1 }
            if (1...6).contains(level), i + level < c.count, c[i + level] == " " {
                if i > sectionStart { result.append((String(c[sectionStart..<i]), sectionStart, currentPath)) }
                let title = String(c[(i + level)..<lineEnd]).trimmingWhitespace()
                path.removeAll { $0.level >= level }
                path.append((level, title))
                currentPath = path.map(\.title)
                sectionStart = i
            }
            i = lineEnd
        }
        if sectionStart < c.count { result.append((String(c[sectionStart...]), sectionStart, currentPath)) }
        return result
    }

    /// Blocks separated by blank lines, with fenced code blocks kept whole.
    static func blocks(_ text: String) -> [Chunk] {
        let c = Array(text)
        var blocks: [Chunk] = []
        var start = 0, i = 0
        func emit(_ end: Int) {
            let piece = trimmed(String(c[start..<end]), offset: start)
            if !piece.text.isEmpty { blocks.append(Chunk(text: piece.text, start: piece.start)) }
            start = end
        }
        while i < c.count {
            if let end = MarkdownScan.fenceEnd(c, at: i) { emit(i); i = end; emit(end); continue }
            let lineEnd = MarkdownScan.nextLine(c, from: i)
            if MarkdownScan.isBlankLine(c, from: i) { emit(lineEnd) }
            i = lineEnd
        }
        emit(c.count)
        return blocks
    }

    static func trimmed(_ text: String, offset: Int) -> (text: String, start: Int) {
        let c = Array(text)
        var s = 0, e = c.count
        while s < e && c[s].isWhitespace { s += 1 }
        while e > s && c[e - 1].isWhitespace { e -= 1 }
        return (String(c[s..<e]), offset + s)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
