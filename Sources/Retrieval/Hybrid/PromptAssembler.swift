/// Builds the prompt of a RAG answer: instructions, numbered sources, the question, within
/// a token budget.
///
/// Passages are taken in rank order while they fit; one that would overflow the budget is
/// skipped (a shorter one after it may still fit), so the most relevant text is never pushed
/// out by a less relevant one. Each kept passage is numbered `[1]`, `[2]`, … and the
/// instructions ask the model to cite those numbers, so every claim in the answer can be
/// traced to its source.
///
/// ```swift
/// let assembler = PromptAssembler(budget: 512, countTokens: { SearchTokenizer.terms($0).count })
/// let prompt = assembler.assemble(question: "What does the KV cache store?", passages: [
///     .init(source: "llm-architecture §5", text: "The cache keeps each layer's keys and values…"),
/// ])
/// print(prompt.text)         // … [1] (llm-architecture §5) The cache keeps …
/// prompt.citations           // the passages that made it in, in number order
/// ```
public struct PromptAssembler {
    public struct Passage: Hashable, Sendable {
        public var source: String
        public var text: String
        public init(source: String, text: String) {
            self.source = source
            self.text = text
        }
    }

    public struct Prompt: Hashable, Sendable {
        public var text: String
        /// The passages included, in citation order: `citations[0]` is `[1]`.
        public var citations: [Passage]
        public var tokenCount: Int
    }

    public var budget: Int
    public var countTokens: (String) -> Int
    public var instructions: String

    public init(budget: Int, countTokens: @escaping (String) -> Int,
                instructions: String = "Answer the question using only the numbered sources below. Cite each fact with its source number in brackets, like [1]. If the sources do not contain the answer, say so.") {
        self.budget = budget
        self.countTokens = countTokens
        self.instructions = instructions
    }

    // ANCHOR: assemble
    public func assemble(question: String, passages: [Passage]) -> Prompt {
        let head = instructions + "\n\nSources:\n"
        let tail = "\nQuestion: " + question + "\nAnswer:"
        var used = countTokens(head) + countTokens(tail)
        var kept: [Passage] = []
        var body = ""
        for passage in passages {
            let entry = "[\(kept.count + 1)] (\(passage.source)) \(passage.text)\n"
            let cost = countTokens(entry)
            if used + cost > budget { continue }       // too long: a later, shorter one may fit
            used += cost
            kept.append(passage)
            body += entry
        }
        return Prompt(text: head + body + tail, citations: kept, tokenCount: used)
    }
    // ANCHOR_END: assemble
}
