import Foundation
import Testing
import Transformers
@testable import Demos

@Suite struct TransformerDemosTests {
    @Test func tokenizerDemoLearnsMergesAndRoundTrips() throws {
        let out = try runDemo("tokenizer-bpe")
        #expect(out.contains("round trip: decode(encode(s)) == s"))
        #expect(!out.contains("DIFFERS"))
        let text = TokenizerDemo.corpus(seed: 42, sentences: 120)
        let tokenizer = try BytePairTrainer.train(text: text, vocabularySize: TokenizerDemo.vocabularySize)
        #expect(tokenizer.mergeList.count > 50)
        for sentence in TokenizerDemo.examples + [text] {
            let ids = tokenizer.encode(sentence)
            #expect(tokenizer.decode(ids) == sentence)
            #expect(ids.count < sentence.utf8.count)
        }
        // A frequent Chinese character (3 UTF-8 bytes) became a single token.
        #expect(tokenizer.encode("書").count == 1)
    }

    @Test func attentionHeadsAreCausalDistributionsWithTheirPatterns() throws {
        let out = try runDemo("attention-heatmap")
        #expect(out.contains("Head 4: average of the past"))
        let weights = AttentionHeatmapDemo.headWeights()
        let tokens = AttentionHeatmapDemo.tokens
        for head in weights {
            for (i, row) in head.enumerated() {
                #expect(abs(row.reduce(0, +) - 1) < 1e-5)
                for j in (i + 1)..<tokens.count { #expect(row[j] == 0) }
            }
        }
        // Previous-token head, same-word head, first-token head, uniform head.
        for i in 1..<tokens.count { #expect(weights[0][i][i - 1] > 0.9) }
        #expect(weights[1][9][2] > 0.9)                       // "cat" → the earlier "cat"
        #expect(abs(weights[1][8][1] - weights[1][8][5]) < 1e-6)  // "the" splits between both earlier "the"
        #expect(weights[1][3][0] > 0.9)                       // "sat" is new → rests on <s>
        for i in 0..<tokens.count { #expect(weights[2][i][0] > 0.9) }
        #expect(abs(weights[3][9][4] - 0.1) < 1e-6)
    }

    @Test func ropeScoresDependOnlyOnOffset() throws {
        let out = try runDemo("positions")
        #expect(out.contains("Position interpolation"))
        let rope = RotaryEmbedding(headSize: PositionsDemo.headSize)
        let (q, k) = PositionsDemo.randomQueryKey(seed: 42)
        let base = PositionsDemo.ropeScore(rope, q, k, 2, 0)
        for m in [5, 17, 63, 200] { #expect(abs(PositionsDemo.ropeScore(rope, q, k, m, m - 2) - base) < 1e-3) }
        #expect(abs(PositionsDemo.ropeScore(rope, q, k, 0, 2) - base) > 1e-3)
        let plain = zip(q, k).map(*).reduce(0, +)
        #expect(abs(PositionsDemo.ropeScore(rope, q, k, 30, 30) - plain) < 1e-3)
    }
}
