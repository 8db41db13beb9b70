import Course
import Foundation

/// The client-side search index of one edition, built at generation time.
///
/// One document per heading section (as mdBook does): its URL (relative to the site root),
/// page title, section title and a short preview. `terms` maps each term to a flat list
/// `[doc, weight, doc, weight, …]`; a title term weighs 5, a body term 1 per occurrence.
/// Terms come from ``SearchTokenizer/indexTerms(_:)``; previews hold formulas as readable text
/// (``TeXText``), never raw TeX.
///
/// Shipped as a script that assigns the index to a global (`LLMCOURSE_SEARCH["en"] = …`),
/// because `fetch` of a local file is refused from `file://`; the page loads it the first time
/// the search box gets focus.
struct SearchIndex {
    struct Document {
        var url: String
        var page: String
        var section: String
        var preview: String
    }

    let language: CourseLanguage
    private(set) var documents: [Document] = []
    private(set) var postings: [String: [Int: Int]] = [:]

    init(language: CourseLanguage) {
        self.language = language
    }

    mutating func add(url: String, page: String, section: String, text: String) {
        let doc = documents.count
        let preview = text.count > 180 ? String(text.prefix(180)) + "…" : text
        documents.append(Document(url: url, page: page, section: section, preview: preview))
        for term in SearchTokenizer.indexTerms(section.isEmpty ? page : section) { postings[term, default: [:]][doc, default: 0] += 5 }
        for term in SearchTokenizer.indexTerms(text) { postings[term, default: [:]][doc, default: 0] += 1 }
    }

    /// Documents holding every term of `query` (the Swift twin of the page's search, for tests):
    /// each word matches exactly, the last one also as a prefix (the reader may still be
    /// typing), and a word that matches nothing falls back to ``FuzzyMatch``.
    func search(_ query: String) -> [Document] {
        let terms = SearchTokenizer.terms(query)
        guard !terms.isEmpty else { return [] }
        var scores: [Int: Int]? = nil
        for (i, term) in terms.enumerated() {
            let hits = lookup(term, prefix: i == terms.count - 1)
            guard let current = scores else { scores = hits; continue }
            var next: [Int: Int] = [:]
            for (doc, score) in current { if let h = hits[doc] { next[doc] = score + h } }
            scores = next
        }
        return (scores ?? [:]).sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map { documents[$0.key] }
    }

    /// The index terms a query word stands for: itself, longer words it begins (when `prefix`),
    /// or, failing both, its near misses.
    func matchingTerms(_ term: String, prefix: Bool) -> [String] {
        var found = postings[term] == nil ? [] : [term]
        if prefix, term.count >= 2, !term.unicodeScalars.contains(where: SearchTokenizer.isCJK) {
            let starts = [term] + (SearchTokenizer.americanPrefix(term).map { [$0] } ?? [])
            found += postings.keys.filter { key in key != term && starts.contains { key.hasPrefix($0) } }
        }
        return found.isEmpty ? FuzzyMatch.candidates(term, in: postings.keys) : found
    }

    private func lookup(_ term: String, prefix: Bool) -> [Int: Int] {
        var hits: [Int: Int] = [:]
        for t in matchingTerms(term, prefix: prefix) {
            for (doc, weight) in postings[t]! { hits[doc, default: 0] += weight }
        }
        return hits
    }

    /// The `.js` file content.
    func script() -> String {
        var json = "{\"docs\":["
        json += documents.map { d in
            "[\(jsonString(d.url)),\(jsonString(d.page)),\(jsonString(d.section)),\(jsonString(d.preview))]"
        }.joined(separator: ",")
        json += "],\"terms\":{"
        json += postings.keys.sorted().map { term in
            let list = postings[term]!.sorted { $0.key < $1.key }.map { "\($0.key),\($0.value)" }.joined(separator: ",")
            return "\(jsonString(term)):[\(list)]"
        }.joined(separator: ",")
        json += "}}"
        return "window.LLMCOURSE_SEARCH = window.LLMCOURSE_SEARCH || {};\nwindow.LLMCOURSE_SEARCH[\"\(language.rawValue)\"] = \(json);\n"
    }
}

/// A JSON string literal, safe inside a `<script>` file: the JSON escapes (quote, backslash,
/// control characters), plus `<` (so no `</script>` can close the script) and the two line
/// separators that JavaScript strings cannot hold. Written by hand rather than with
/// `JSONEncoder`: the index calls this for every term and preview, and an encoder per string
/// was a tenth of a site rebuild.
func jsonString(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "<": out += "\\u003c"
        case "\u{2028}": out += "\\u2028"
        case "\u{2029}": out += "\\u2029"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
