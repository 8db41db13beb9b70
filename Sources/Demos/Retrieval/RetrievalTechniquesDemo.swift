import CourseSearch
import Foundation
import Retrieval

/// `llmcourse run retrieval-techniques`: each advanced retrieval technique switched on one
/// at a time over the course, scored on the labeled question set.
enum RetrievalTechniquesDemo {
    static let demo = Demo(id: "retrieval-techniques", summary: "Dense, hybrid, query expansion and reranking, one at a time, on the course's question set",
                           inputs: CourseRetrievalLab.inputs) { ctx in
        let index = try CourseRetrievalLab.index()
        let questions = try CourseRetrievalLab.questions(quick: ctx.quick)
        ctx.heading(ctx.tr("1. The pieces: a bi-encoder and a translation lexicon, both learned from the lessons"))
        let encoder = CourseRetrievalLab.trainEncoder(index, ctx).encoder
        let aligned = index.alignedSections(leavingOut: CourseRetrievalLab.leftOut)
        let lexicon = TranslationLexicon(pairs: aligned)
        ctx.say("lexicon: {0} terms with a partner in the other language (Dice ≥ 0.3 over {1} aligned sections)",
                String(lexicon.table.count), String(aligned.count))
        ctx.table([ctx.tr("term"), ctx.tr("best partners (Dice)")], ["量化", "cache", "梯度", "attention"].map { term in
            [term, lexicon.translations(of: term).map { "\($0.term) \(fixed($0.dice, 2))" }.joined(separator: ", ")]
        })
        let retriever = CourseRetriever(index: index, lexicon: lexicon, encoder: encoder)

        ctx.heading(ctx.tr("2. One technique at a time, {0} questions, top 5", String(questions.questions.count)))
        let configurations: [(String, CourseRetriever.Options)] = [
            ("BM25 only", .bm25),
            ("dense (bi-encoder)", .init(sparse: false, dense: true)),
            ("hybrid (BM25 + dense, RRF)", .init(dense: true)),
            ("BM25 + query expansion", .init(expand: true)),
            ("BM25 + rerank (MaxSim)", .init(rerank: true)),
            ("hybrid + expansion", .init(dense: true, expand: true)),
            ("everything", .all),
        ]
        let task = ctx.progress(ctx.tr("scoring"), total: configurations.count)
        var rows: [String: [[String]]] = [:]
        for (name, options) in configurations {
            for lang in ["en", "zh-TW"] {
                let s = CourseRetrievalLab.subset(questions, lang).evaluate(k: 5) { retriever.search($0, k: 5, options: options) }
                rows[lang, default: []].append([ctx.tr(name), fixed(s.recall, 3), fixed(s.mrr, 3), fixed(s.ndcg, 3)])
            }
            task.advance()
        }
        task.finish()
        for lang in ["en", "zh-TW"] {
            ctx.say("{0} questions in {1}:", String(CourseRetrievalLab.subset(questions, lang).questions.count), lang)
            ctx.table([ctx.tr("technique"), "recall@5", "MRR", "nDCG@5"], rows[lang]!)
        }
        ctx.say("Read the table by rows against BM25's: a technique earns its place only where it moves these numbers.")
    }
}
