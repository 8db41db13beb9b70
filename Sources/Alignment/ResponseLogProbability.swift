import Autograd
import Tensors
import Transformers

/// The log-probability a model gives a response after its prompt: the sum over response tokens
/// only (the prompt is given, not generated).
///
/// ```
/// log π(y | x) = Σ_{t ∈ response} log softmax(logits_{t−1})[id_t]
/// ```
/// Sequences are batched right-padded; padding and prompt positions are masked out, and a
/// causal model's outputs at real positions do not depend on the padding after them.
///
/// ```swift
/// let logp = responseLogProbabilities(model, [PromptResponse(prompt: p, response: r)])   // [1], differentiable
/// ```
public func responseLogProbabilities(_ model: any LanguageModel, _ items: [PromptResponse], padding: Int = 0) -> Variable {
    precondition(!items.isEmpty, "responseLogProbabilities: no sequences")
    let length = items.map { $0.prompt.count + $0.response.count }.max()!
    precondition(length <= model.contextLength, "responseLogProbabilities: \(length) tokens exceed the context \(model.contextLength)")
    var ids: [Int] = [], targets: [Int] = []
    for item in items {
        let sequence = item.prompt + item.response
        ids += sequence + Array(repeating: padding, count: length - sequence.count)
        for t in 0..<length {
            // Position t predicts token t+1; only response tokens are scored.
            let scored = t + 1 < sequence.count && t + 1 >= item.prompt.count
            targets.append(scored ? sequence[t + 1] : ignoredTarget)
        }
    }
    let logits = model.logits(ids, batchSize: items.count, cache: nil)
    return summedTargetLogProbabilities(logits, targets: targets)
}

/// Target marking a position that does not count.
public let ignoredTarget = -100

// ANCHOR: sequence-logp
/// Per-row sums of `log softmax(logits)[target]` over positions whose target is not
/// ``ignoredTarget``. `logits` `[B, T, V]`, `targets` `B·T` → `[B]`.
///
/// Gradient: `∂/∂logits[b, t] = g_b · (onehot(target) − softmax(logits[b, t]))` at kept positions.
public func summedTargetLogProbabilities(_ logits: Variable, targets: [Int]) -> Variable {
    let shape = logits.shape
    let (rows, length, vocabulary) = (shape[0], shape[1], shape[2])
    precondition(targets.count == rows * length, "summedTargetLogProbabilities: \(targets.count) targets for logits \(shape)")
    let logProbabilities = logits.value.reshaped([rows * length, vocabulary]).logSoftmax()
    var sums = [Float](repeating: 0, count: rows)
    for (position, target) in targets.enumerated() where target != ignoredTarget {
        sums[position / length] += logProbabilities.scalars[position * vocabulary + target]
    }
    return Variable(Tensor(sums), operation: "response-logp", parents: [logits]) { g in
        var d = logProbabilities.exp()
        d.scalars.withUnsafeMutableBufferPointer { d in
            for (position, target) in targets.enumerated() {
                let base = position * vocabulary
                guard target != ignoredTarget else {
                    for i in 0..<vocabulary { d[base + i] = 0 }
                    continue
                }
                let weight = g.scalars[position / length]
                d[base + target] -= 1
                for i in 0..<vocabulary { d[base + i] *= -weight }
            }
        }
        logits.accumulateGrad(d.reshaped(shape))
    }
}
// ANCHOR_END: sequence-logp
