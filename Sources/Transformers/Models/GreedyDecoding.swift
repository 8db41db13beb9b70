import Autograd
import Tensors

/// Greedy generation: append the most likely next token, again and again.
///
/// With `useCache` (the default) the prompt runs once and each later step feeds only the newest
/// token, reading earlier keys and values from a ``KVCache``; without it every step re-runs the
/// whole sequence. Both give the same tokens — the cache only saves work — which the tests check.
///
/// ```swift
/// let ids = greedyDecode(model, prompt: tokenizer.encode("I have a dream"), maxNewTokens: 16)
/// print(tokenizer.decode(ids))
/// ```
// ANCHOR: greedy
public func greedyDecode(
    _ model: any LanguageModel, prompt: [Int], maxNewTokens: Int, stopAt endOfText: Int? = nil, useCache: Bool = true
) -> [Int] {
    precondition(!prompt.isEmpty, "greedyDecode: the prompt must hold at least one token")
    var sequence = prompt
    let cache = useCache ? model.makeCache() : nil
    withNoGrad {
        var input = prompt
        for _ in 0..<maxNewTokens where sequence.count < model.contextLength {
            let logits = model.logits(input, batchSize: 1, cache: cache).value  // [1, T, V]
            let next = argmaxOfLastRow(logits)
            sequence.append(next)
            if next == endOfText { break }
            input = useCache ? [next] : sequence
        }
    }
    return sequence
}
// ANCHOR_END: greedy

/// The index of the largest logit in the last position of `[1, T, V]` (first one on ties, as `torch.argmax`).
public func argmaxOfLastRow(_ logits: Tensor) -> Int {
    let v = logits.shape[logits.rank - 1]
    let start = logits.count - v
    var best = 0
    for j in 1..<v where logits.scalars[start + j] > logits.scalars[start + best] { best = j }
    return best
}
