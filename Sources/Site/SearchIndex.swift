import Course
import Foundation

/// The client-side search index of one edition, built at generation time.
///
/// One document per heading section (as mdBook does): its URL (relative to the site root),
/// page title, section title and a short preview. `terms` maps each term to a flat list
/// `[doc, weight, doc, weight, …]`; a title term weighs 5, a body term 1 per occurrence.
/// Terms come from ``SearchTokenizer/indexTerms(_:)``; previews hold formulas as readable text
/// (``MathText/prettify(_:)``), never raw TeX.
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

    /// The `.js` file content: the whole index through one `JSONEncoder` call (an encoder per
    /// string cost a tenth of a site rebuild), made script-safe afterwards.
    func script() -> String {
        struct Payload: Encodable {
            var docs: [[String]]
            var terms: [String: [Int]]
        }
        let payload = Payload(docs: documents.map { [$0.url, $0.page, $0.section, $0.preview] },
                              terms: postings.mapValues { $0.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] } })
        let json = (try? scriptSafeJSON(payload)) ?? "{\"docs\":[],\"terms\":{}}"
        return "window.LLMCOURSE_SEARCH = window.LLMCOURSE_SEARCH || {};\nwindow.LLMCOURSE_SEARCH[\"\(language.rawValue)\"] = \(json);\n"
    }
}

/// `value` as JSON that is safe inside a `<script>` file: Foundation's encoder does the JSON;
/// on top, `<` (so no `</script>` can close the script) and the two line separators that
/// JavaScript strings cannot hold are escaped. Outside strings JSON has none of the three, so
/// replacing them everywhere only touches string contents.
func scriptSafeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
        .replacingOccurrences(of: "<", with: "\\u003c")
        .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
        .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
}
