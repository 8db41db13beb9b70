/// A position in a Markdown source file, 1-based as libcmark reports it.
public struct SourcePosition: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// The span of a node in its source file (inclusive, as libcmark reports it).
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public static let unknown = SourceRange(start: .init(line: 0, column: 0), end: .init(line: 0, column: 0))
}

/// Inline content of a paragraph, heading, table cell or list item.
///
/// A value-type copy of libcmark's inline nodes, so renderers (terminal, HTML) and the linter
/// never touch C pointers.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    /// `range` is libcmark's position for the link when it reports one, else the enclosing block's.
    case link(destination: String, title: String, children: [Inline], range: SourceRange)
    case image(source: String, title: String, alt: [Inline], range: SourceRange)
    /// TeX written `$…$` (inline) or `$$…$$` (`display`), exactly as in the file: Markdown never
    /// reads inside it. A display formula over several lines keeps its line breaks.
    case math(tex: String, display: Bool)
}

public enum ListKind: Hashable, Sendable {
    case bullet
    case ordered(start: Int)
}

public enum TableAlignment: Hashable, Sendable {
    case none, left, center, right
}

/// Block structure of a Markdown document.
public indirect enum Block: Hashable, Sendable {
    case heading(level: Int, content: [Inline], range: SourceRange)
    case paragraph(content: [Inline], range: SourceRange)
    /// A fenced or indented code block; `info` is the full info string (e.g. `swift`, `run mlp-demo`).
    case codeBlock(info: String, literal: String, range: SourceRange)
    case blockQuote(children: [Block], range: SourceRange)
    case list(kind: ListKind, tight: Bool, items: [[Block]], range: SourceRange)
    case htmlBlock(String, range: SourceRange)
    case thematicBreak(range: SourceRange)
    /// A pipe table. Plain CommonMark has no tables: a paragraph whose lines form a pipe table
    /// is turned into this case by a post-pass over the parsed tree.
    case table(header: [[Inline]], alignments: [TableAlignment], rows: [[[Inline]]], range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .heading(_, _, let r), .paragraph(_, let r), .codeBlock(_, _, let r),
             .blockQuote(_, let r), .list(_, _, _, let r), .htmlBlock(_, let r),
             .thematicBreak(let r), .table(_, _, _, let r):
            return r
        }
    }
}

/// A parsed Markdown file: its blocks in order, plus the text it came from.
public struct MarkdownDocument: Hashable, Sendable {
    public var blocks: [Block]
    public var source: String

    public init(blocks: [Block], source: String) {
        self.blocks = blocks
        self.source = source
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup: used for titles, anchors and search. Math keeps
    /// its `$` delimiters (line breaks inside it become spaces, as soft breaks do).
    public var plainText: String { plainText(delimitingMath: true) }

    /// ``plainText`` with formulas as readable text (``MathText/prettify(_:)``): what the site's
    /// search shows and indexes, where TeX source would only be noise.
    public var readableText: String { plainText(delimitingMath: false, readableMath: true) }

    /// ``plainText``, with formulas given as bare TeX when `delimitingMath` is false (the site's
    /// titles, where KaTeX needs no `$`), or as readable text with `readableMath`.
    public func plainText(delimitingMath: Bool, readableMath: Bool = false) -> String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c): out += c.plainText(delimitingMath: delimitingMath, readableMath: readableMath)
            case .link(_, _, let c, _): out += c.plainText(delimitingMath: delimitingMath, readableMath: readableMath)
            case .image(_, _, let alt, _): out += alt.plainText(delimitingMath: delimitingMath, readableMath: readableMath)
            case .math(let tex, let display):
                if readableMath { out += MathText.prettify(tex.replacingOccurrences(of: "\n", with: " ")); continue }
                guard delimitingMath else { out += tex; continue }
                let delimiter = display ? "$$" : "$"
                out += delimiter + String(tex.map { $0 == "\n" ? " " : $0 }) + delimiter
            }
        }
        return out
    }
}
