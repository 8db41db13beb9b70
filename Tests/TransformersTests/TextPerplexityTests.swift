import Foundation
import Testing
import Autograd
@testable import Transformers

@Suite("Perplexity of a text, and a character model trained on the lessons")
struct TextPerplexityTests {
    /// Sliding-window perplexity of the tiny GPT-2 fixture against transformers, for the cases
    /// `Scripts/fixtures/strided_perplexity.py` computed.
    @Test func slidingWindowMatchesTransformers() throws {
        let model = try GPT2Model(directory: Fixtures.url("gpt2-tiny"))
        let data = try Data(contentsOf: Fixtures.url("strided_perplexity.json"))
        let cases = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        #expect(cases.count == 5)
        for c in cases {
            let (n, window, stride) = (c["length"] as! Int, c["window"] as! Int, c["stride"] as! Int)
            let tokens = (0..<n).map { ($0 * 37 + 11) % 384 }
            let result = TextPerplexity.evaluate(model, tokens: tokens, window: window, stride: stride, windowsPerBatch: 3)
            #expect(result.scoredTokens == c["scored"] as! Int, "\(n) \(window) \(stride)")
            let expected = c["total_nll"] as! Double
            #expect(abs(result.totalNegativeLogLikelihood - expected) < 1e-4 * expected, "\(result.totalNegativeLogLikelihood) vs \(expected)")
            #expect(abs(result.perplexity - (c["perplexity"] as! Double)) < 1e-3 * result.perplexity)
        }
    }

    /// exp(mean NLL), computed here from the model's raw logits with a plain log-softmax.
    @Test func perplexityIsTheExponentialOfTheMeanNegativeLogLikelihood() throws {
        let model = try GPT2Model(directory: Fixtures.url("gpt2-tiny"))
        let tokens = (0..<40).map { ($0 * 101 + 7) % 384 }
        let logits = withNoGrad { model(tokens).value.scalars }          // [1, 40, 384]
        var total = 0.0
        for t in 1..<tokens.count {
            let row = logits[((t - 1) * 384)..<(t * 384)].map(Double.init)
            let logSum = Foundation.log(row.map { Foundation.exp($0) }.reduce(0, +))
            total += logSum - row[tokens[t]]
        }
        let mean = total / Double(tokens.count - 1)
        let result = TextPerplexity.evaluate(model, tokens: tokens, window: 64, stride: 32)
        #expect(result.scoredTokens == 39)
        #expect(abs(result.meanLoss - mean) < 1e-5)
        #expect(abs(result.perplexity - Foundation.exp(mean)) < 1e-5 * Foundation.exp(mean))
        #expect(abs(result.bitsPerToken - mean / Foundation.log(2.0)) < 1e-5)
        // Uniform logits: −ln p = ln V for every target.
        #expect(abs(TextPerplexity.negativeLogLikelihood(ArraySlice([Float](repeating: 2, count: 10)), target: 3) - Foundation.log(10.0)) < 1e-12)
        #expect(TextPerplexity(totalNegativeLogLikelihood: 2 * Foundation.log(2.0), scoredTokens: 2).bitsPerToken == 1)
    }

    /// A few dozen steps of the quick recipe on the real lessons: the held-out loss falls from
    /// a uniform guess by more than a nat per character.
    @Test func shortTrainingOnTheLessonsLowersTheHeldOutLoss() throws {
        let split = try CourseTextCorpus.split(courseRoot: CourseTextCorpusTests.courseRoot)
        let vocabulary = CharacterVocabulary(text: split.train, minimumCount: 3)
        let heldOut = Array(vocabulary.encode(split.heldOut).prefix(1_000))
        let model = GPT2Model(config: GPT2Config(vocabularySize: vocabulary.count, contextLength: 32, embeddingSize: 32,
                                                 layerCount: 1, headCount: 2), seed: 4)
        let before = TextPerplexity.evaluate(model, tokens: heldOut, window: 32, stride: 32)
        #expect(abs(before.meanLoss - Foundation.log(Double(vocabulary.count))) < 0.1)   // random weights ≈ uniform
        let trainer = PreTrainer(model: model, tokens: vocabulary.encode(split.train),
                                 settings: .init(steps: 40, batchSize: 8, windowLength: 32, peakLearningRate: 1e-2, warmupSteps: 4))
        for _ in 0..<40 { trainer.step() }
        let after = TextPerplexity.evaluate(model, tokens: heldOut, window: 32, stride: 32)
        #expect(after.scoredTokens == before.scoredTokens)
        #expect(after.meanLoss < before.meanLoss - 1, "held-out loss \(before.meanLoss) → \(after.meanLoss)")
    }
}
