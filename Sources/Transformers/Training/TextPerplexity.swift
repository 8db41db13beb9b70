import Autograd
import Foundation
import Tensors

/// How well a model predicts a whole text: the negative log-likelihood of every token after the
/// first, summed in double precision, and what follows from it.
///
/// With `n` scored tokens and `NLL = −Σ ln p(xᵢ | x<ᵢ)`:
/// - mean loss `= NLL / n` (nats per token);
/// - perplexity `= exp(NLL / n)`;
/// - bits per token `= NLL / (n · ln 2)`.
///
/// With character tokens ("per character") these numbers compare directly with any other
/// character model, an n-gram counter included, scored on the same characters.
public struct TextPerplexity: Sendable, Equatable {
    /// `−Σ ln p` over the scored tokens.
    public let totalNegativeLogLikelihood: Double
    /// Tokens scored: all but the first.
    public let scoredTokens: Int

    public init(totalNegativeLogLikelihood: Double, scoredTokens: Int) {
        self.totalNegativeLogLikelihood = totalNegativeLogLikelihood
        self.scoredTokens = scoredTokens
    }

    public var meanLoss: Double { scoredTokens == 0 ? .nan : totalNegativeLogLikelihood / Double(scoredTokens) }
    public var perplexity: Double { exp(meanLoss) }
    public var bitsPerToken: Double { meanLoss / log(2) }

    // ANCHOR: evaluate
    /// Scores `tokens[1…]` with a sliding window, as for any text longer than the context.
    ///
    /// Windows of `window` tokens start every `stride` tokens (`stride ≤ window`), the recipe of
    /// Hugging Face's "perplexity of fixed-length models". The first window scores all its
    /// predictions; each later one scores only the tokens the earlier windows did not reach, so
    /// with `stride < window` every token after the first is scored once, with at least
    /// `window − stride` tokens of context (except near the start). `stride == window` cuts the
    /// text into independent pieces: cheapest, but each piece's first token has no context and
    /// is not scored, and the next few see little. `windowsPerBatch` windows run through the
    /// model at once. ``scoredTokens`` says how many tokens were scored.
    public static func evaluate(_ model: any LanguageModel, tokens: [Int], window: Int, stride: Int,
                                windowsPerBatch: Int = 16) -> TextPerplexity {
        precondition(window >= 2 && (1...window).contains(stride) && window <= model.contextLength,
                     "TextPerplexity: need 2 ≤ window ≤ the context length and 1 ≤ stride ≤ window")
        // (start, first scored target within the window): targets before it were scored already.
        var pieces: [(start: Int, length: Int, firstScored: Int)] = []
        var scoredUpTo = 1                        // tokens[1..<scoredUpTo] are already scored
        var start = 0
        while scoredUpTo < tokens.count {
            let length = min(window, tokens.count - start)
            pieces.append((start, length, max(1, scoredUpTo - start)))   // position 0 has no context
            scoredUpTo = start + length
            start += stride
        }
        var total = 0.0, count = 0
        model.setTraining(false)
        withNoGrad {
            // Windows of equal length share a batch (all but possibly the last one are full).
            for group in Dictionary(grouping: pieces, by: \.length).sorted(by: { $0.key > $1.key }) {
                let length = group.key
                for batchStart in Swift.stride(from: 0, to: group.value.count, by: windowsPerBatch) {
                    let batch = group.value[batchStart..<min(batchStart + windowsPerBatch, group.value.count)]
                    let ids = batch.flatMap { tokens[$0.start..<($0.start + length)] }
                    let logits = model.logits(ids, batchSize: batch.count, cache: nil).value.scalars   // [B, T, V]
                    let v = model.vocabularySize
                    for (b, piece) in batch.enumerated() {
                        for target in piece.firstScored..<length {       // logits row target−1 predicts token `target`
                            let row = (b * length + target - 1) * v
                            total += negativeLogLikelihood(logits[row..<(row + v)], target: tokens[piece.start + target])
                            count += 1
                        }
                    }
                }
            }
        }
        return TextPerplexity(totalNegativeLogLikelihood: total, scoredTokens: count)
    }
    // ANCHOR_END: evaluate

    /// `−ln softmax(logits)[target]`, in double precision, shifted by the largest logit so no
    /// exponential overflows.
    public static func negativeLogLikelihood(_ logits: ArraySlice<Float>, target: Int) -> Double {
        let largest = Double(logits.max() ?? 0)
        var sum = 0.0
        for value in logits { sum += exp(Double(value) - largest) }
        return largest + log(sum) - Double(logits[logits.startIndex + target])
    }
}
