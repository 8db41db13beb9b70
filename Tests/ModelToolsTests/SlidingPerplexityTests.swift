import Autograd
import Foundation
import ModelTools
import NeuralNets
import Testing
import Transformers

/// The sliding-window perplexity against a direct computation with the library's cross-entropy.
@Suite("Sliding-window perplexity")
struct SlidingPerplexityTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gpt2-tiny")

    static func tokens(_ count: Int) throws -> [Int] {
        let tokenizer = try BytePairTokenizer(directory: folder)
        let text = String(repeating: "the quick brown fox jumps over the lazy dog. ", count: 20)
        return Array(tokenizer.encode(text).prefix(count))
    }

    /// Mean NLL of every token after the first, each given all earlier tokens.
    static func fullContextNLL(_ model: any LanguageModel, _ tokens: [Int]) -> Double {
        withNoGrad {
            Double(crossEntropy(model(Array(tokens.dropLast())), targets: Array(tokens.dropFirst())).value.scalar)
        }
    }

    @Test func aWindowHoldingTheWholeTextEqualsTheDirectComputation() throws {
        let model = try loadLanguageModel(directory: Self.folder)
        let tokens = try Self.tokens(40)
        let report = SlidingPerplexity(window: 64).evaluate(model, tokens: tokens)
        #expect(report.scoredTokens == 39 && report.windows == 1)
        #expect(abs(report.meanNLL - Self.fullContextNLL(model, tokens)) < 1e-5)
    }

    @Test func everyTokenIsScoredOnceWhateverTheStride() throws {
        let model = try loadLanguageModel(directory: Self.folder)
        let tokens = try Self.tokens(150)
        var seen: [Int] = []
        for stride in [1, 7, 16, 32] {
            let report = SlidingPerplexity(window: 32, stride: stride).evaluate(model, tokens: tokens) { done, _ in seen.append(done) }
            #expect(report.scoredTokens == 149, "stride \(stride)")
            #expect(seen.last == 149)
            #expect(report.perplexity.isFinite && report.perplexity > 1)
        }
    }

    /// With stride 1 every window scores only its last token, from the `window − 1` tokens
    /// before it (all earlier tokens near the start): checked token by token with direct calls.
    @Test func strideOneScoresEachTokenFromTheWindowBeforeIt() throws {
        let model = try loadLanguageModel(directory: Self.folder)
        let tokens = try Self.tokens(40)
        let window = 16
        let report = SlidingPerplexity(window: window, stride: 1).evaluate(model, tokens: tokens, byteCount: 100)
        var total = Self.fullContextNLL(model, Array(tokens[0..<window])) * Double(window - 1)
        for target in window..<tokens.count {
            let context = Array(tokens[(target - window + 1)...target])
            withNoGrad {
                let logits = model(Array(context.dropLast()))
                // Only the last row predicts `target`; cross-entropy of that one row.
                let last = logits.value.scalars.suffix(model.vocabularySize)
                let maximum = Double(last.max()!)
                let logSum = log(last.reduce(0.0) { $0 + exp(Double($1) - maximum) }) + maximum
                total += logSum - Double(last[last.startIndex + tokens[target]])
            }
        }
        #expect(report.scoredTokens == tokens.count - 1)
        #expect(abs(report.meanNLL - total / Double(tokens.count - 1)) < 1e-5)
        let bits = report.meanNLL * Double(report.scoredTokens) / log(2) / 100
        #expect(abs(report.bitsPerByte! - bits) < 1e-9)
    }

    @Test func windowsEqualToTheStrideStillGiveEveryTokenContext() throws {
        let model = try loadLanguageModel(directory: Self.folder)
        let tokens = try Self.tokens(96)
        let report = SlidingPerplexity(window: 32, stride: 32).evaluate(model, tokens: tokens)
        // [0,32) scores 1…31, [31,63) 32…62, [62,94) 63…93, [64,96) 94…95.
        #expect(report.windows == 4 && report.scoredTokens == 95)
    }
}
