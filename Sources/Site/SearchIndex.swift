import Course
import Foundation

/// The client-side search index of one edition, built at generation time.
///
/// One document per heading section (as mdBook does): its URL (relative to the site root),
/// page title, section title and a short preview. `terms` maps each term to a flat list
/// `[doc, weight, doc, weight, …]`; a title term weighs 5, a body term 1 per occurrence.
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
        for term in SearchTokenizer.terms(section.isEmpty ? page : section) { postings[term, default: [:]][doc, default: 0] += 5 }
        for term in SearchTokenizer.terms(text) { postings[term, default: [:]][doc, default: 0] += 1 }
    }

    /// Documents holding every term of `query` (the Swift twin of the page's search, for tests).
    func search(_ query: String) -> [Document] {
        let terms = SearchTokenizer.terms(query)
        guard !terms.isEmpty else { return [] }
        var scores: [Int: Int]? = nil
        for term in terms {
            let hits = postings[term] ?? [:]
            guard let current = scores else { scores = hits; continue }
            var next: [Int: Int] = [:]
            for (doc, score) in current { if let h = hits[doc] { next[doc] = score + h } }
            scores = next
        }
        return (scores ?? [:]).sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map { documents[$0.key] }
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

/// A JSON string literal, safe inside a `<script>` file: Foundation's encoder does the JSON
/// escaping; `<` (so no `</script>` can close the script) and the two line separators that
/// JavaScript strings cannot hold are escaped on top.
func jsonString(_ s: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let json = (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    return json.replacingOccurrences(of: "<", with: "\\u003c")
        .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
        .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
}
