import Retrieval

/// `llmcourse run rag-pipeline`: split a handbook, index it with BM25, retrieve for a
/// question, and assemble a prompt with numbered sources under a token budget.
enum RAGPipelineDemo {
    static let demo = Demo(id: "rag-pipeline", summary: "A retrieval pipeline end to end: split, index with BM25, retrieve, build a cited prompt",
                           inputs: ["Sources/Demos/Retrieval", "Sources/Retrieval"]) { ctx in
        ctx.heading(ctx.tr("1. Split along the document's structure (at most 160 characters a chunk)"))
        let chunks = MarkdownSplitter(maxCharacters: 160).split(Handbook.markdown)
        for (i, chunk) in chunks.enumerated() {
            ctx.say("chunk {0} [{1}] {2} characters: {3}…", String(i), chunk.headings.last ?? "-", String(chunk.text.count), chunk.text.prefix(60).replacingOccurrences(of: "\n", with: " "))
        }

        ctx.heading(ctx.tr("Fixed windows with overlap count characters: 向量 is 2, not 6 bytes"))
        let zh = "生成速度受記憶體頻寬限制，而不是算術。每產生一個詞元，都要把所有權重讀一遍。"
        for window in FixedSizeSplitter(size: 16, overlap: 4).split(zh) { ctx.print("  [\(window.start)] \(window.text)") }

        ctx.heading(ctx.tr("2. Index every chunk with BM25 (k1 = 1.5, b = 0.75)"))
        let bm25 = BM25(documents: chunks.map { SearchTokenizer.terms(($0.headings.last ?? "") + " " + $0.text) })
        ctx.say("{0} chunks, {1} distinct terms, average length {2} terms", String(bm25.documentCount), String(bm25.index.postings.count), fixed(bm25.index.averageLength, 1))
        let question = "What does the KV cache store?"
        let terms = SearchTokenizer.terms(question)
        ctx.say("question terms: {0}", terms.joined(separator: " "))
        ctx.table([ctx.tr("term"), ctx.tr("documents"), "idf"], terms.map { t in
            let df = bm25.index.documentFrequency(t)
            return [t, String(df), fixed(BM25.idf(documentFrequency: df, documentCount: bm25.documentCount), 3)]
        })

        ctx.heading(ctx.tr("3. Retrieve the top 3"))
        let hits = bm25.search(terms, k: 3)
        for hit in hits {
            ctx.say("chunk {0} score {1} [{2}]", String(hit.id), fixed(hit.score, 3), chunks[hit.id].headings.last ?? "-")
        }

        ctx.heading(ctx.tr("4. Assemble the prompt: numbered sources, a budget of 90 terms"))
        let assembler = PromptAssembler(budget: 90, countTokens: { SearchTokenizer.terms($0).count })
        let prompt = assembler.assemble(question: question, passages: hits.map {
            .init(source: chunks[$0.id].headings.last ?? "handbook", text: chunks[$0.id].text.replacingOccurrences(of: "\n", with: " "))
        })
        ctx.print(prompt.text)
        ctx.print("")
        ctx.say("{0} of {1} passages fit in {2} of 90 terms; the model is asked to cite them as [1], [2] …", String(prompt.citations.count), String(hits.count), String(prompt.tokenCount))
    }
}
