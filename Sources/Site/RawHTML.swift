import Course
import Foundation
/// What happens to raw HTML written in a lesson: comments (the metadata block) vanish, a few
/// harmless formatting tags pass, and anything else is shown as text — so a lesson that writes
/// `<script>` about scripts shows it instead of running it.
enum RawHTML {
    private static let allowed: Set<String> = ["br", "sub", "sup", "kbd", "b", "i", "em", "strong", "details", "summary", "mark", "small"]

    static func inline(_ raw: String) -> String {
        if raw.hasPrefix("<!--") { return "" }
        return isAllowedTag(raw) ? raw : HTML.escape(raw)
    }

    static func block(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") { return "" }
        let lines = trimmed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.allSatisfy(isAllowedTag) { return trimmed + "\n" }
        return "<p class=\"raw-html\">\(HTML.escape(trimmed))</p>\n"
    }

    /// `<tag>`, `</tag>` or `<tag/>` with no attributes, for an allowed tag.
    private static func isAllowedTag(_ raw: String) -> Bool {
        var s = raw.trimmingCharacters(in: .whitespaces)
        guard s.hasPrefix("<"), s.hasSuffix(">") else { return false }
        s = String(s.dropFirst().dropLast())
        if s.hasPrefix("/") { s.removeFirst() }
        if s.hasSuffix("/") { s.removeLast() }
        return allowed.contains(s.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
