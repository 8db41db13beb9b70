import Retrieval
import Tensors

/// `llmcourse run hybrid-search`: two retrievers over the same chunks (word BM25 and
/// character-trigram BM25), fused by reciprocal rank fusion and measured by recall@1 and MRR;
/// then diversity (MMR) and metadata filters.
enum HybridSearchDemo {
    static let demo = Demo(id: "hybrid-search", summary: "Hybrid retrieval: two rankings fused by RRF, measured by recall and MRR; MMR and filters",
                           inputs: ["Sources/Demos/Retrieval", "Sources/Retrieval"]) { ctx in
        let chunks = MarkdownSplitter(maxCharacters: 400).split(Handbook.markdown).filter { !$0.headings.dropFirst().isEmpty }
        let labels = chunks.map { $0.headings.last! }
        let words = BM25(documents: chunks.map { SearchTokenizer.terms($0.text) })
        let trigrams = BM25(documents: chunks.map { CharacterNGrams.terms($0.text) })
        ctx.heading(ctx.tr("{0} sections, one chunk each; {1} questions, each labeled with the section that answers it", String(chunks.count), String(Handbook.questions.count)))

        var rankings: [String: [[Int]]] = ["words": [], "trigrams": [], "fused (RRF, k = 60)": []]
        var rows: [[String]] = []
        for (question, _) in Handbook.questions {
            let w = words.search(SearchTokenizer.terms(question), k: chunks.count).map(\.id)
            let t = trigrams.search(CharacterNGrams.terms(question), k: chunks.count).map(\.id)
            let f = ReciprocalRankFusion.fuse([w, t]).map(\.id)
            rankings["words"]!.append(w)
            rankings["trigrams"]!.append(t)
            rankings["fused (RRF, k = 60)"]!.append(f)
            rows.append([question, w.first.map { labels[$0] } ?? "-", t.first.map { labels[$0] } ?? "-", f.first.map { labels[$0] } ?? "-"])
        }
        ctx.table([ctx.tr("question"), ctx.tr("words: first"), ctx.tr("trigrams: first"), ctx.tr("fused: first")], rows)
        let relevant = Handbook.questions.map { q in Set(labels.indices.filter { labels[$0] == q.section }) }
        ctx.heading(ctx.tr("Scores over the questions"))
        ctx.table([ctx.tr("retriever"), "recall@1", "MRR"], ["words", "trigrams", "fused (RRF, k = 60)"].map { name in
            let m1 = RankingMetrics.mean(rankings: rankings[name]!, relevant: relevant, k: 1)
            return [ctx.tr(name), fixed(m1.recall, 3), fixed(m1.mrr, 3)]
        })

        ctx.heading(ctx.tr("Maximal marginal relevance: skip the near-duplicate"))
        var rng = SplitMix64(seed: ctx.seed)
        let topic = VectorMath.normalized((0..<16).map { _ in rng.nextNormal() })
        let other = VectorMath.normalized((0..<16).map { _ in rng.nextNormal() })
        let nearCopy = VectorMath.normalized(zip(topic, (0..<16).map { _ in rng.nextNormal() }).map { $0 + 0.05 * $1 })
        let mixed = VectorMath.normalized(zip(topic, other).map { 0.7 * $0 + 0.5 * $1 })
        let query = VectorMath.normalized(zip(topic, other).map { $0 + 0.3 * $1 })
        let candidates = [topic, nearCopy, mixed, other]
        let names = ["A", ctx.tr("A′ (near-copy of A)"), ctx.tr("B (A mixed with C)"), "C"]
        for lambda: Float in [1, 0.5] {
            let order = MaximalMarginalRelevance.select(query: query, candidates: candidates, k: 3, lambda: lambda)
            ctx.print("λ = \(lambda): \(order.map { names[$0] }.joined(separator: ctx.tr(", ")))")
        }

        ctx.heading(ctx.tr("Metadata filters: the same search, Chinese sections only"))
        let metadata: [Metadata] = chunks.map { ["lang": .string($0.text.contains(where: SearchTokenizer.isCJK) ? "zh-TW" : "en")] }
        let filter = MetadataFilter.equals("lang", .string("zh-TW"))
        let terms = SearchTokenizer.terms("KV 快取 memory")
        let all = words.search(terms, k: 3).map { labels[$0.id] }
        let kept = words.search(terms, k: chunks.count).filter { filter.matches(metadata[$0.id]) }.prefix(3).map { labels[$0.id] }
        ctx.say("\"KV 快取 memory\": all → {0}; lang = zh-TW → {1}", all.joined(separator: ", "), kept.joined(separator: ", "))
    }
}
