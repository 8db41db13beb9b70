import Foundation
import Autograd
import Tensors
import Transformers

/// Samples one response after `prompt` at `temperature`, stopping after `endOfTurn` (included)
/// or `maxNewTokens`; returns the response ids only.
public func sampleResponse(_ model: any LanguageModel, prompt: [Int], endOfTurn: Int, maxNewTokens: Int = 8,
                           temperature: Float = 1, rng: inout SplitMix64) -> [Int] {
    var response: [Int] = []
    let cache = model.makeCache()
    withNoGrad {
        var input = prompt
        for _ in 0..<maxNewTokens where prompt.count + response.count < model.contextLength {
            let logits = model.logits(input, batchSize: 1, cache: cache).value
            let v = logits.shape[2], base = logits.count - v
            let row = (0..<v).map { logits.scalars[base + $0] / temperature }
            let top = row.max()!
            let weights = row.map { Foundation.exp(Double($0 - top)) }
            var u = rng.nextUniformDouble() * weights.reduce(0, +)
            var next = v - 1
            for (i, w) in weights.enumerated() { u -= w; if u <= 0 { next = i; break } }
            response.append(next)
            if next == endOfTurn { break }
            input = [next]
        }
    }
    return response
}
