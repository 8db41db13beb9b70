import Course
import Foundation
import Retrieval

/// Every retrieval technique of the RAG lessons, over the course's sections, each one
/// switchable, so their effect can be measured one at a time on the question set.
///
/// - **sparse**: BM25 over words and Chinese bigrams (``CourseSearchIndex``);
/// - **dense**: cosine similarity of ``BiEncoder`` embeddings, trained on the course's own text;
/// - both on: the two rankings merged by reciprocal rank fusion (hybrid search);
/// - **expand**: the question's terms plus their translations from a ``TranslationLexicon``
///   (query rewriting by the course's own means, for the sparse side);
/// - **rerank**: the first stage's top ``rerankDepth`` reordered by late interaction (MaxSim).
///
/// ```swift
/// let retriever = CourseRetriever(index: index, encoder: encoder, lexicon: lexicon)
/// let hits = retriever.search("什麼是量化？", k: 5, options: .all)
/// ```
public struct CourseRetriever: Sendable {
    public struct Options: Hashable, Sendable {
        public var sparse = true
        public var dense = false
        public var expand = false
        public var rerank = false
        public init(sparse: Bool = true, dense: Bool = false, expand: Bool = false, rerank: Bool = false) {
            self.sparse = sparse
            self.dense = dense
            self.expand = expand
            self.rerank = rerank
        }
        public static let bm25 = Options()
        public static let all = Options(sparse: true, dense: true, expand: true, rerank: true)
    }

    public let index: CourseSearchIndex
    public let lexicon: TranslationLexicon?
    /// What dense search embeds questions with (the bi-encoder's unless another is given).
    public let embedder: TextEmbedder?
    /// Unit embeddings of every section, in ``CourseSearchIndex/sections`` order.
    public let sectionVectors: ExactIndex?
    let reranker: LateInteraction?
    /// How many first-stage candidates each ranking contributes, and the reranker reads.
    public var candidateDepth = 50
    public var rerankDepth = 20

    /// `encoder` reranks and, unless `embedder` is given, embeds; `vectors` are the sections'
    /// embeddings when already computed (`[sections, dimension]`), otherwise they are computed
    /// here, with `progress(done, total)` after each.
    public init(index: CourseSearchIndex, lexicon: TranslationLexicon? = nil, encoder: BiEncoder? = nil,
                embedder: TextEmbedder? = nil, vectors: [Float]? = nil, progress: (Int, Int) -> Void = { _, _ in }) {
        self.index = index
        self.lexicon = lexicon
        reranker = encoder.map { LateInteraction(encoder: $0) }
        let embedder = embedder ?? encoder?.embedder
        self.embedder = embedder
        guard let embedder else {
            sectionVectors = nil
            return
        }
        var exact = ExactIndex(dimension: embedder.dimension)
        if let vectors, vectors.count == index.sections.count * embedder.dimension {
            exact.add(contentsOf: (0..<index.sections.count).map { Array(vectors[($0 * embedder.dimension)..<(($0 + 1) * embedder.dimension)]) })
        } else {
            for (i, s) in index.sections.enumerated() {
                exact.add(embedder.embed(Self.passage(s)), id: i)
                progress(i + 1, index.sections.count)
            }
        }
        sectionVectors = exact
    }

    /// The text a section is embedded and reranked by: its title, then its text.
    public static func passage(_ section: SearchableSection) -> String { section.title + "\n" + section.text }

    /// Multi-query retrieval: the question and its `rewrites` (other wordings, e.g. a model's)
    /// each searched, their rankings fused by RRF. A wording the documents happen to use
    /// lifts the section it matches.
    public func search(_ question: String, rewrites: [String], k: Int, language: CourseLanguage? = nil,
                       options: Options = .bm25) -> [CourseSearchIndex.Hit] {
        guard !rewrites.isEmpty else { return search(question, k: k, language: language, options: options) }
        let rankings = ([question] + rewrites).map { search($0, k: candidateDepth, language: language, options: options) }
        return Array(Self.fuse(rankings).prefix(k)).map { preferredEdition($0, question: question, language: language) }
    }

    // ANCHOR: search
    public func search(_ question: String, k: Int, language: CourseLanguage? = nil, options: Options = .bm25) -> [CourseSearchIndex.Hit] {
        var rankings: [[CourseSearchIndex.Hit]] = []
        if options.sparse || sectionVectors == nil {
            var terms = QuestionTerms.terms(question)
            if options.expand, let lexicon { terms = lexicon.expand(terms) }
            rankings.append(Array(index.bestEditions(index.sparseScores(terms), language: language).prefix(candidateDepth)))
        }
        if options.dense, let embedder, let sectionVectors {
            let scores = sectionVectors.scores(embedder.embed(question)).map(Double.init)
            rankings.append(Array(index.bestEditions(scores, language: language).prefix(candidateDepth)))
        }
        var hits = rankings.count == 1 ? rankings[0] : Self.fuse(rankings)
        if options.rerank, let reranker {
            let head = Array(hits.prefix(rerankDepth))
            let order = reranker.rerank(question, passages: head.map { Self.passage($0.section) })
            // The reranker's order is one more vote beside the first stage's, not a replacement.
            hits = Self.fuse([head, order.map { head[$0] }]) + hits.dropFirst(rerankDepth)
        }
        return Array(hits.prefix(k)).map { preferredEdition($0, question: question, language: language) }
    }
    // ANCHOR_END: search

    /// Both editions are searched, but a hit is shown in the question's language when that
    /// edition exists: an expanded English question may match a section's Chinese wording best,
    /// and its reader still wants the English page.
    func preferredEdition(_ hit: CourseSearchIndex.Hit, question: String, language: CourseLanguage?) -> CourseSearchIndex.Hit {
        guard language == nil else { return hit }
        let wanted: CourseLanguage = question.contains(where: SearchTokenizer.isCJK) ? .traditionalChinese : .english
        guard hit.section.language != wanted,
              let other = index.sections.first(where: { $0.lessonID == hit.section.lessonID && $0.number == hit.section.number && $0.language == wanted })
        else { return hit }
        return CourseSearchIndex.Hit(section: other, score: hit.score)
    }

    /// Reciprocal rank fusion of section rankings; a section keeps the hit (edition) of the
    /// ranking that placed it highest, with the fused score.
    static func fuse(_ rankings: [[CourseSearchIndex.Hit]]) -> [CourseSearchIndex.Hit] {
        var keys: [String: Int] = [:], hitByID: [Int: CourseSearchIndex.Hit] = [:], bestRank: [Int: Int] = [:]
        let ids = rankings.map { ranking in
            ranking.enumerated().map { position, hit in
                let key = "\(hit.section.lessonID)#\(hit.section.number)"
                let id = keys[key] ?? keys.count
                keys[key] = id
                if position < bestRank[id] ?? .max { bestRank[id] = position; hitByID[id] = hit }
                return id
            }
        }
        return ReciprocalRankFusion.fuse(ids).map { fused in
            var hit = hitByID[fused.id]!
            hit.score = fused.score
            return hit
        }
    }
}
