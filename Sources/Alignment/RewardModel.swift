import Foundation
import Autograd
import NeuralNets
import Tensors
import Transformers

/// A reward model for the RLHF route (Ouyang et al. 2022): a language model that reads a prompt
/// and a response and outputs one number, trained so preferred responses score higher.
///
/// The scalar head is one row of the output layer: a fixed vocabulary entry's logit
/// (`scoreToken`), a linear function `w·h_t` of the final hidden state. With `.lastToken` the
/// reward is that score at the response's last position, as in InstructGPT. With
/// `.responseMean` it is the mean of the scores over the response's positions: each position
/// judges the token it has just read, which a very small model learns far more easily than
/// packing the whole verdict into one state (the DPO reward is a sum over tokens too).
/// Training minimizes the Bradley–Terry loss
/// ```
/// L = −log σ(r(x, y_w) − r(x, y_l))
/// ```
///
/// ```swift
/// let rm = RewardModel(backbone: copyOfSFTModel, scoreToken: 0)
/// for _ in 0..<200 { rm.step(on: pairs) }
/// rm.rewards([PromptResponse(prompt: p, response: r)])   // [score]
/// ```
public final class RewardModel {
    /// Where the scalar head reads the hidden states.
    public enum Pooling: Sendable {
        case lastToken
        case responseMean
    }

    public let backbone: any LanguageModel
    public let scoreToken: Int
    public let pooling: Pooling
    let optimizer: Adam
    var rng: SplitMix64

    public init(backbone: any LanguageModel, scoreToken: Int, pooling: Pooling = .lastToken, learningRate: Float = 1e-3, seed: UInt64 = 1) {
        precondition((0..<backbone.vocabularySize).contains(scoreToken), "RewardModel: score token \(scoreToken) outside the vocabulary")
        self.backbone = backbone
        self.scoreToken = scoreToken
        self.pooling = pooling
        backbone.setTraining(false)   // deterministic scores: no dropout while ranking or training
        optimizer = Adam.adamW(backbone.trainableParameters(), learningRate: learningRate, weightDecay: 0)
        rng = SplitMix64(seed: seed)
    }

    /// Rewards `[B]` for prompt–response pairs (differentiable).
    public func rewards(_ items: [PromptResponse]) -> Variable {
        let length = items.map { $0.prompt.count + $0.response.count }.max() ?? 0
        let ids = items.flatMap { item in
            let sequence = item.prompt + item.response
            return sequence + Array(repeating: 0, count: length - sequence.count)
        }
        let logits = backbone.logits(ids, batchSize: items.count, cache: nil)   // [B, T, V]
        let positions = items.map { item -> Range<Int> in
            let end = item.prompt.count + item.response.count
            return pooling == .lastToken ? (end - 1)..<end : item.prompt.count..<end
        }
        return meanLogits(logits, positions: positions, column: scoreToken)
    }

    /// One Bradley–Terry step on a random batch; returns (loss, share of the batch ranked right).
    @discardableResult
    public func step(on pairs: [PreferencePair], batchSize: Int = 16) -> (loss: Double, accuracy: Double) {
        let batch = (0..<batchSize).map { _ in pairs[rng.nextInt(below: pairs.count)] }
        let scores = rewards(batch.map { PromptResponse(prompt: $0.prompt, response: $0.chosen) }
                             + batch.map { PromptResponse(prompt: $0.prompt, response: $0.rejected) })
        let margin = scores.slice(0..<batchSize) - scores.slice(batchSize..<(2 * batchSize))
        // −log σ(m) = log(1 + e^(−m)); through sigmoid + log, fine for the margins seen here.
        let loss = (margin.sigmoid() + 1e-7).log().mean() * -1
        optimizer.zeroGrad()
        loss.backward()
        _ = clipGradientNorm(optimizer.parameters, maxNorm: 1)
        optimizer.step()
        let right = margin.value.scalars.filter { $0 > 0 }.count
        return (Double(loss.value.scalar), Double(right) / Double(batchSize))
    }

    /// Rewards as plain numbers, without gradients, in batches of 64 (for ranking and for RL).
    public func scores(_ items: [PromptResponse]) -> [Double] {
        withNoGrad {
            stride(from: 0, to: items.count, by: 64).flatMap { start in
                rewards(Array(items[start..<min(start + 64, items.count)])).value.scalars.map(Double.init)
            }
        }
    }

    /// Share of pairs the reward model ranks the right way round.
    public func accuracy(_ pairs: [PreferencePair]) -> Double {
        let scores = self.scores(pairs.map { PromptResponse(prompt: $0.prompt, response: $0.chosen) }
                                 + pairs.map { PromptResponse(prompt: $0.prompt, response: $0.rejected) })
        return Double((0..<pairs.count).filter { scores[$0] > scores[pairs.count + $0] }.count) / Double(max(pairs.count, 1))
    }
}

/// The mean of `logits[b, t, column]` over `t ∈ positions[b]` for each row, `[B]`; the gradient
/// flows back to those entries only.
func meanLogits(_ logits: Variable, positions: [Range<Int>], column: Int) -> Variable {
    let (rows, length, vocabulary) = (logits.shape[0], logits.shape[1], logits.shape[2])
    precondition(positions.count == rows, "meanLogits: \(positions.count) position ranges for \(rows) rows")
    var values = [Float](repeating: 0, count: rows)
    for b in 0..<rows {
        var total: Float = 0
        for t in positions[b] { total += logits.value.scalars[(b * length + t) * vocabulary + column] }
        values[b] = total / Float(positions[b].count)
    }
    return Variable(Tensor(values), operation: "mean-logits", parents: [logits]) { g in
        var d = Tensor.zeros([rows, length, vocabulary])
        for b in 0..<rows {
            let share = g.scalars[b] / Float(positions[b].count)
            for t in positions[b] { d.scalars[(b * length + t) * vocabulary + column] = share }
        }
        logits.accumulateGrad(d)
    }
}
