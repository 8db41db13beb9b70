import Foundation
import Testing
import Transformers
@testable import Decoding

@Suite("Generation: stop conditions and streaming")
struct GenerationTests {
    @Test func stopStringEndsGeneration() throws {
        let model = try Fixtures.model("gpt2-tiny")
        let tokenizer = try Fixtures.tokenizer()
        let free = generate(model, prompt: [84, 298], config: GenerationConfig(maxNewTokens: 20))
        let text = tokenizer.decode(free.newTokens)
        let stop = String(text.dropFirst(min(3, text.count - 1)).prefix(1))
        let out = generate(model, prompt: [84, 298], config: GenerationConfig(maxNewTokens: 20, stopStrings: [stop]),
                           decode: tokenizer.decode)
        #expect(out.stopReason == .stopString(stop))
        #expect(tokenizer.decode(out.newTokens).contains(stop))
        #expect(!tokenizer.decode(Array(out.newTokens.dropLast())).contains(stop))
        #expect(free.tokens.starts(with: out.tokens))
    }

    @Test func repetitionPenaltyChangesGreedyRepeats() throws {
        let model = try Fixtures.model("gpt2-tiny")
        let json = try Fixtures.expected("gpt2-tiny")
        let prompt = json["prompt_ids"] as! [Int]
        let plain = generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 16)).newTokens
        let penalized = generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 16, repetitionPenalty: 1.5)).newTokens
        #expect(Set(penalized).count > Set(plain).count)
    }

    @Test func streamingMatchesDecodingAndNeverSplitsACharacter() throws {
        let tokenizer = try Fixtures.tokenizer()
        let ids = tokenizer.encode("注意力機制 and 量化。")
        var pieces: [String] = []
        let streamer = TokenStreamer(bytes: tokenizer.decodeBytes) { pieces.append($0) }
        ids.forEach(streamer.receive)
        #expect(pieces.joined() == tokenizer.decode(ids))
        #expect(pieces.allSatisfy { !$0.contains("\u{FFFD}") })
    }

    @Test func streamedTokensAreTheGeneratedOnes() throws {
        let model = try Fixtures.model("llama-tiny")
        var seen: [Int] = []
        let out = generate(model, prompt: [5, 6, 7], config: GenerationConfig(maxNewTokens: 9, sampling: true, seed: 2),
                           onToken: { seen.append($0) })
        #expect(seen == out.newTokens && seen.count == 9)
    }
}
