import Retrieval

/// The retrieval half of a retrieval-augmented prompt: BM25 over a store of notes, the best one
/// for the user's text becomes the prompt's note. Anyone who can add a note to the store — a web
/// page, a shared document, a product review — can compete for that place.
///
/// A **planted** note is written to win it: it repeats the words of the request it targets (what
/// search-engine spam does), then carries the attacker's instruction.
public struct NoteRetriever: Sendable {
    public let notes: [String]
    let bm25: BM25

    public init(notes: [String]) {
        precondition(!notes.isEmpty, "NoteRetriever: an empty store has nothing to retrieve")
        self.notes = notes
        bm25 = BM25(documents: notes.map(SearchTokenizer.terms))
    }

    /// The index of the best note for `query` (the first on ties).
    public func best(for query: String) -> Int {
        bm25.search(SearchTokenizer.terms(query), k: 1).first?.id ?? 0
    }

    /// A note aimed at `request` that carries `payload`: the request's own words, then the payload.
    public static func planted(for request: String, payload: String) -> String {
        request + " " + payload
    }
}
