import Foundation
import Testing
@testable import Retrieval

@Suite("Fusion, diversity, filters, parents, prompts")
struct HybridTests {
    @Test("reciprocal rank fusion with k = 60, worked by hand")
    func rrf() {
        let fused = ReciprocalRankFusion.fuse([[3, 1, 2], [1, 4]])
        #expect(fused.map(\.id) == [1, 3, 4, 2])
        #expect(abs(fused[0].score - (1.0 / 62 + 1.0 / 61)) < 1e-15)
        #expect(abs(fused[1].score - 1.0 / 61) < 1e-15)
        #expect(fused[2].score == 1.0 / 62 && fused[3].score == 1.0 / 63)
        // Equal scores: lower id first. A repeated id in one list counts once, at its best rank.
        #expect(ReciprocalRankFusion.fuse([[5], [2]]).map(\.id) == [2, 5])
        #expect(ReciprocalRankFusion.fuse([[7, 7]])[0].score == 1.0 / 61)
    }

    @Test("MMR with λ = 1 is plain ranking; lower λ skips a near-duplicate")
    func mmr() {
        let q: [Float] = [1, 0]
        let a = VectorMath.normalized([1, 0.1]), aCopy = VectorMath.normalized([1, 0.11]), b = VectorMath.normalized([0.7, 0.7])
        let candidates = [a, aCopy, b]
        #expect(MaximalMarginalRelevance.select(query: q, candidates: candidates, k: 3, lambda: 1) == [0, 1, 2])
        #expect(MaximalMarginalRelevance.select(query: q, candidates: candidates, k: 2, lambda: 0.3) == [0, 2])
        #expect(MaximalMarginalRelevance.select(query: q, candidates: candidates, k: 5).count == 3)
    }

    @Test("metadata filters combine with all, any and not")
    func filters() {
        let zh: Metadata = ["lang": .string("zh-TW"), "year": .number(2024), "draft": .bool(false)]
        let en: Metadata = ["lang": .string("en"), "year": .number(2021)]
        let recentChinese: MetadataFilter = .all([.equals("lang", .string("zh-TW")), .range("year", 2023...2025)])
        #expect(recentChinese.matches(zh) && !recentChinese.matches(en))
        #expect(MetadataFilter.oneOf("lang", [.string("en"), .string("fr")]).matches(en))
        #expect(MetadataFilter.any([.equals("draft", .bool(true)), .range("year", 2020...2021)]).matches(en))
        #expect(MetadataFilter.not(.equals("draft", .bool(false))).matches(en))
        #expect(!MetadataFilter.range("missing", 0...1).matches(zh))
    }

    @Test("parent retrieval keeps each parent once, at its best child's rank")
    func parents() {
        let retriever = ParentDocumentRetriever(parentOfChild: [0, 0, 1, 2, 2])
        let hits = [SearchHit(id: 0, score: 0.5), SearchHit(id: 4, score: 0.9), SearchHit(id: 3, score: 0.8)]
        #expect(retriever.parents(of: hits) == [SearchHit(id: 2, score: 0.9), SearchHit(id: 0, score: 0.5)])
        let built = ParentDocumentRetriever(parents: ["One. Two.", "Three."], splitter: SentenceSplitter.split)
        #expect(built.children.map(\.text) == ["One.", "Two.", "Three."])
        #expect(built.parentOfChild == [0, 0, 1])
    }

    @Test("prompts number their sources and respect the token budget")
    func prompt() {
        let words: (String) -> Int = { SearchTokenizer.terms($0).count }
        let passages: [PromptAssembler.Passage] = [
            .init(source: "a §1", text: "short first passage"),
            .init(source: "b §2", text: String(repeating: "long ", count: 50)),
            .init(source: "c §3", text: "short third"),
        ]
        let assembler = PromptAssembler(budget: 60, countTokens: words, instructions: "Cite sources.")
        let prompt = assembler.assemble(question: "Which?", passages: passages)
        #expect(prompt.citations.map(\.source) == ["a §1", "c §3"])
        #expect(prompt.text == "Cite sources.\n\nSources:\n[1] (a §1) short first passage\n[2] (c §3) short third\n\nQuestion: Which?\nAnswer:")
        #expect(prompt.tokenCount == words(prompt.text))
        #expect(prompt.tokenCount <= 60)
        let tight = PromptAssembler(budget: 5, countTokens: words, instructions: "Cite sources.").assemble(question: "Which?", passages: passages)
        #expect(tight.citations.isEmpty)
    }
}
