import Evaluation
import Foundation
import ModelTools
import Testing
import Transformers

/// log P(continuation | context) against Hugging Face transformers on the same tiny GPT-2, by
/// lm-evaluation-harness's rules (Scripts/fixtures/continuation_loglik.py).
@Suite("Continuation log-likelihood")
struct ContinuationScorerTests {
    struct Case: Decodable { let context, continuation: String; let tokens: [Int]; let continuation_tokens: Int; let loglikelihood: Double }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("agrees with transformers within 1e-4 nats, boundary merges and a moved space included")
    func parityWithTransformers() throws {
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: Self.folder.appendingPathComponent("continuation_loglik.json")))
        let directory = Self.folder.appendingPathComponent("gpt2-tiny")
        let tokenizer = try BytePairTokenizer(directory: directory)
        let scorer = ContinuationScorer(model: try loadLanguageModel(directory: directory), tokenizer: tokenizer)
        for c in cases {
            #expect(tokenizer.encode(c.context + c.continuation) == c.tokens, "the same tokens as the fast tokenizer")
            let ours = try scorer.logLikelihood(context: c.context, continuation: c.continuation)
            #expect(abs(ours - c.loglikelihood) < 1e-4, "\(c.context) | \(c.continuation): \(ours) vs \(c.loglikelihood)")
        }
    }

    @Test("a text longer than the model's context keeps its newest tokens and still scores the continuation")
    func longContextIsCutFromTheLeft() throws {
        let directory = Self.folder.appendingPathComponent("gpt2-tiny")
        let model = try loadLanguageModel(directory: directory)
        let scorer = ContinuationScorer(model: model, tokenizer: try BytePairTokenizer(directory: directory))
        let long = String(repeating: "the quick brown fox. ", count: model.contextLength)
        let score = try scorer.logLikelihood(context: long, continuation: "jumps")
        #expect(score < 0 && score.isFinite)
    }
}
