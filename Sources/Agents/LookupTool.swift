import Retrieval

/// A retrieval call as a tool: `lookup[crate]` returns the best-matching fact of a small BM25
/// index, or an error when no fact shares a word with the query.
///
/// It is the RAG chapter's retriever behind a tool interface: the model decides *when* to
/// search and *what* to search for, and reads the hit as its observation.
///
/// ```swift
/// let lookup = LookupTool(facts: ["a crate holds 12 eggs", "a box holds 8 pens"])
/// try lookup.run("crate")   // "a crate holds 12 eggs"
/// ```
public struct LookupTool: Tool {
    public let name = "lookup"
    public let description = "finds a fact by keywords, e.g. lookup[crate]"
    public let facts: [String]
    let index: BM25

    public init(facts: [String]) {
        self.facts = facts
        index = BM25(documents: facts.map(SearchTokenizer.terms))
    }

    /// No fact matched a word of the query.
    public struct NoMatch: Error, CustomStringConvertible {
        public let query: String
        public var description: String { "no fact matches \"\(query)\"" }
    }

    // ANCHOR: run
    /// The top BM25 hit for the query's terms.
    public func run(_ argument: String) throws -> String {
        guard let best = index.search(SearchTokenizer.terms(argument), k: 1).first else { throw NoMatch(query: argument) }
        return facts[best.id]
    }
    // ANCHOR_END: run
}
