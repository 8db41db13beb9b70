import CourseSearch
import Foundation
import Retrieval

/// `llmcourse run course-rag`: the RAG pipeline over the whole course, as `llmcourse ask`
/// runs it: every section indexed, recall@k on the labeled questions, and one question
/// carried to a cited prompt.
enum CourseRAGDemo {
    static let demo = Demo(id: "course-rag", summary: "RAG over the course itself: recall@k on its labeled questions, then one question to a cited prompt",
                           inputs: CourseRetrievalLab.inputs) { ctx in
        let index = try CourseRetrievalLab.index()
        let questions = try CourseRetrievalLab.questions(quick: ctx.quick)
        let english = index.sections.filter { $0.language == .english }.count
        ctx.heading(ctx.tr("1. Index: {0} sections ({1} English, {2} Chinese), BM25 over words and Chinese character pairs",
                           String(index.sections.count), String(english), String(index.sections.count - english)))
        ctx.say("{0} distinct terms; an average section has {1} terms", String(index.bm25.index.postings.count), fixed(index.bm25.index.averageLength, 0))

        ctx.heading(ctx.tr("2. Retrieve for {0} labeled questions: is the answering section among the first k?", String(questions.questions.count)))
        let ks = [1, 3, 5, 10]
        var rows: [[String]] = []
        for lang in ["en", "zh-TW"] {
            let subset = CourseRetrievalLab.subset(questions, lang)
            rows.append([lang, String(subset.questions.count)] + ks.map { k in fixed(subset.evaluate(k: k) { index.search($0, k: k) }.recall, 3) })
        }
        ctx.table([ctx.tr("questions"), ctx.tr("count")] + ks.map { "recall@\($0)" }, rows)
        let misses = questions.evaluate(index, k: 5).misses
        ctx.say("{0} questions miss the top 5; the first: \"{1}\" (labeled {2} §{3})", String(misses.count),
                misses.first?.question ?? "-", misses.first?.lesson ?? "-", String(misses.first?.section ?? 0))

        let question = "what does the KV cache store?"
        ctx.heading(ctx.tr("3. One question end to end: \"{0}\"", question))
        let answer = try CourseQuestion.ask(question, index: index, limit: 3)
        for (i, r) in answer.results.enumerated() {
            ctx.say("[{0}] {1} › {2} (score {3})", String(i + 1), r.section.lessonTitle, r.section.title, fixed(r.score, 2))
        }
        ctx.say("extractive answer (the best sentence of the top sections): {0}", answer.answer.first?.sentence ?? "-")
        let (prompt, sources) = answer.groundedPrompt(budget: 300, countTokens: { SearchTokenizer.terms($0).count })
        ctx.say("a prompt for a model: {0} sources in {1} of 300 terms, each numbered for citation", String(sources.count), String(prompt.tokenCount))
        ctx.print(String(prompt.text.prefix(420)) + " …")
    }
}
