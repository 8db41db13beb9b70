import Foundation

/// Finds the anchored region of a source file that an ``Include`` shows.
///
/// A region is the lines strictly between a line containing `ANCHOR: name` and one containing
/// `ANCHOR_END: name`, in any comment syntax (`// ANCHOR: forward`). Marker lines of other
/// anchors nested inside are dropped, and the common indentation is removed so a method shows
/// flush left.
///
/// ```swift
/// let region = try SourceRegion.extract(from: text, anchor: "forward")
/// region.code       // the lines, de-indented
/// region.firstLine  // 1-based line of the first code line in the file
/// ```
public struct SourceRegion: Hashable, Sendable {
    public var code: String
    /// 1-based line number, in the source file, of the region's first line.
    public var firstLine: Int

    public init(code: String, firstLine: Int) {
        self.code = code
        self.firstLine = firstLine
    }

    public enum Problem: Error, Equatable, Sendable {
        case anchorMissing
        case anchorNotClosed(line: Int)
    }

    /// Every anchor name in `text` (opening markers).
    public static func anchors(in text: String) -> [String] {
        lines(of: text).compactMap { marker("ANCHOR:", in: $0) }
    }

    /// The region `anchor`, or the whole text when `anchor` is nil.
    public static func extract(from text: String, anchor: String?) throws(Problem) -> SourceRegion {
        let lines = lines(of: text)
        guard let anchor else {
            let body = lines.filter { marker("ANCHOR:", in: $0) == nil && marker("ANCHOR_END:", in: $0) == nil }
            return SourceRegion(code: dedent(body).joined(separator: "\n"), firstLine: 1)
        }
        guard let start = lines.firstIndex(where: { marker("ANCHOR:", in: $0) == anchor }) else { throw .anchorMissing }
        guard let end = lines[(start + 1)...].firstIndex(where: { marker("ANCHOR_END:", in: $0) == anchor }) else {
            throw .anchorNotClosed(line: start + 1)
        }
        let body = lines[(start + 1)..<end].filter { marker("ANCHOR:", in: $0) == nil && marker("ANCHOR_END:", in: $0) == nil }
        let blankLead = body.prefix { $0.trimmingSpaces().isEmpty }.count
        return SourceRegion(code: dedent(Array(body)).joined(separator: "\n"), firstLine: start + 2 + blankLead)
    }

    /// The name after `ANCHOR:`/`ANCHOR_END:` on a line, if the line is such a marker.
    private static func marker(_ keyword: String, in line: Substring) -> String? {
        guard let end = endOfFirst(keyword, in: line) else { return nil }
        let rest = line[end...].drop { $0 == " " || $0 == "\t" }
        var name = String(rest.prefix { !$0.isWhitespace })
        for suffix in ["*/", "-->"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name.isEmpty ? nil : name
    }

    /// Lines split on bytes (no grapheme breaking needed to find `\n`).
    private static func lines(of text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Where the first occurrence of `keyword` in `line` ends, searching bytes (most lines
    /// hold no marker, so this must be cheap).
    private static func endOfFirst(_ keyword: String, in line: Substring) -> Substring.Index? {
        let needle = Array(keyword.utf8)
        let bytes = line.utf8
        guard bytes.count >= needle.count else { return nil }
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == needle[0] {
                var j = i, k = 0
                while k < needle.count, j != bytes.endIndex, bytes[j] == needle[k] { j = bytes.index(after: j); k += 1 }
                if k == needle.count { return j }
            }
            i = bytes.index(after: i)
        }
        return nil
    }

    private static func dedent(_ lines: [Substring]) -> [Substring] {
        let indents = lines.filter { !$0.trimmingSpaces().isEmpty }.map { $0.prefix { $0 == " " }.count }
        let common = indents.min() ?? 0
        var out = lines.map { $0.trimmingSpaces().isEmpty ? Substring("") : $0.dropFirst(common) }
        while out.first?.isEmpty == true { out.removeFirst() }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }
}
