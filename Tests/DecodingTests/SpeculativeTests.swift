import Foundation
import Testing
import Transformers
@testable import Decoding

@Suite("Speculative decoding")
struct SpeculativeTests {
    /// Greedy speculative decoding gives exactly the target's greedy tokens, whatever the draft.
    @Test(arguments: [1, 3, 6])
    func greedySpeculativeEqualsTargetGreedy(lookahead: Int) throws {
        let target = try Fixtures.model("llama-tiny")
        let draft = try Fixtures.model("gpt2-tiny")
        let json = try Fixtures.expected("llama-tiny")
        let prompt = json["prompt_ids"] as! [Int]
        let expected = (json["greedy"] as! [String: Any])["sequence"] as! [Int]
        let config = SpeculativeConfig(lookahead: lookahead, maxNewTokens: expected.count - prompt.count)
        let (out, stats) = speculativeGenerate(target: target, draft: draft, prompt: prompt, config: config)
        #expect(out.tokens == expected)
        #expect(stats.targetCalls == stats.rounds)
        #expect(stats.targetCalls < expected.count - prompt.count || stats.accepted == 0)
    }

    @Test func aPerfectDraftIsAlwaysAccepted() throws {
        let model = try Fixtures.model("gpt2-tiny")
        let prompt = [84, 298, 221, 77]
        let config = SpeculativeConfig(lookahead: 4, maxNewTokens: 15)
        let (out, stats) = speculativeGenerate(target: model, draft: model, prompt: prompt, config: config)
        #expect(out.tokens == generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 15)).tokens)
        #expect(stats.acceptanceRate == 1)
        #expect(stats.targetCalls == 3)  // 5 tokens per round: 4 guesses + 1 bonus
    }

    @Test func stopsAtEndOfSequence() {
        let target = TableModel.random(vocabulary: 4, seed: 1, spread: 0.5)
        let draft = TableModel.random(vocabulary: 4, seed: 2, spread: 0.5)
        let config = SpeculativeConfig(lookahead: 3, maxNewTokens: 200, sampling: true, endOfSequence: [0], seed: 3)
        let (out, _) = speculativeGenerate(target: target, draft: draft, prompt: [1], config: config)
        #expect(out.tokens.last == 0 && out.stopReason == .endOfSequence(0))
        #expect(!out.newTokens.dropLast().contains(0))
    }

    @Test func cachePrefixMatchesRecomputation() throws {
        let model = try Fixtures.model("llama-tiny")
        let ids = [84, 298, 221, 77, 79, 68]
        let cache = model.makeCache()
        _ = model.nextTokenLogits(ids, cache: cache)
        let cropped = cache.prefix(3)
        #expect(cropped.length == 3 && cache.length == 6)
        let resumed = model.nextTokenLogits(Array(ids[3...]), cache: cropped)
        let fresh = model.nextTokenLogits(ids, cache: model.makeCache())
        let difference = zip(resumed.last!, fresh.last!).map { abs($0 - $1) }.max()!
        #expect(difference < 1e-5)
    }
}
