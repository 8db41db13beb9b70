import Testing
@testable import Course

@Suite struct SlugTests {
    @Test func anchorsLikeRenderers() {
        #expect(Slug.anchor("Backpropagation, step by step") == "backpropagation-step-by-step")
        #expect(Slug.anchor("What is `softmax`?") == "what-is-softmax")
        #expect(Slug.anchor("LoRA: low-rank adapters (r = 8)") == "lora-low-rank-adapters-r--8")
        #expect(Slug.anchor("snake_case stays") == "snake_case-stays")
        #expect(Slug.anchor("🧩 LLM Fundamentals") == "-llm-fundamentals")
    }

    @Test func cjkIsKept() {
        #expect(Slug.anchor("反向傳播：一步一步") == "反向傳播一步一步")
        #expect(Slug.anchor("什麼是 Transformer？") == "什麼是-transformer")
    }

    @Test func duplicatesGetSuffixes() {
        #expect(Slug.uniqueAnchors(["Example", "Example", "Example-1", "Example"]) == ["example", "example-1", "example-1-1", "example-2"])
    }

    @Test func identifiers() {
        #expect(Slug.identifier("Pre-training (at scale)") == "pre-training-at-scale")
        #expect(Slug.identifier("  RAG & Agents ") == "rag-agents")
        #expect(Slug.identifier("LLM 的數學基礎") == "llm")
        #expect(Slug.identifier("數學") == "")
        #expect(Slug.isValidIdentifier("math-for-ml"))
        #expect(!Slug.isValidIdentifier("Math"))
        #expect(!Slug.isValidIdentifier("a--b"))
        #expect(!Slug.isValidIdentifier("-a"))
    }
}
