import Testing
import Autograd
import Tensors
import Transformers
@testable import Alignment

/// The reward model's scalar head: where it reads the hidden states, and that Bradley–Terry
/// training ranks a pair the right way round.
@Suite struct RewardModelTests {
    /// Logits `[2, 4, 3]` whose entries are their own flat index, so every read is easy to check.
    let logits = Variable(Tensor(shape: [2, 4, 3], scalars: (0..<24).map(Float.init)), requiresGrad: true)

    @Test func meanOverPositionsAndItsGradient() {
        let scores = meanLogits(logits, positions: [1..<3, 3..<4], column: 2)
        // Row 0: positions 1 and 2 → entries 5 and 8; row 1: position 3 → entry 12 + 9 + 2 = 23.
        #expect(scores.value.scalars == [6.5, 23])
        scores.backward(seed: Tensor([Float(1), 2]))
        var expected = [Float](repeating: 0, count: 24)
        expected[5] = 0.5; expected[8] = 0.5; expected[23] = 2
        #expect(logits.grad!.scalars == expected)
    }

    @Test func bradleyTerryStepsRankAPairCorrectly() {
        let model = GPT2Model(config: GPT2Config(vocabularySize: 8, contextLength: 16, embeddingSize: 16, layerCount: 1, headCount: 2), seed: 3)
        let pair = PreferencePair(prompt: [1, 2], chosen: [3, 4], rejected: [5, 4])
        for pooling in [RewardModel.Pooling.lastToken, .responseMean] {
            let rewardModel = RewardModel(backbone: GPT2Model(config: model.config, seed: 3), scoreToken: 0, pooling: pooling, learningRate: 1e-2, seed: 1)
            for _ in 0..<30 { rewardModel.step(on: [pair], batchSize: 2) }
            #expect(rewardModel.accuracy([pair]) == 1)
            let scores = rewardModel.scores([PromptResponse(prompt: pair.prompt, response: pair.chosen),
                                             PromptResponse(prompt: pair.prompt, response: pair.rejected)])
            #expect(scores[0] - scores[1] > 1, "\(pooling): margin \(scores[0] - scores[1])")
        }
    }
}
