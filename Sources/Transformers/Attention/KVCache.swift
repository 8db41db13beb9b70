import Autograd
import Tensors

/// Keys and values of the tokens seen so far, per layer, so generation computes each token's
/// keys and values once instead of re-running the whole prefix at every step.
///
/// Without a cache, producing `N` tokens after a prompt of `P` runs the model on `P`, `P+1`, …,
/// `P+N−1` tokens: `O(N·(P+N))` token-passes. With it, the prompt runs once and each new token
/// runs alone, reading the cached `[B, Hkv, T, d]` keys and values of every layer.
///
/// Memory: `2 · layers · B · Hkv · T · d` floats — for SmolLM-135M (30 layers, 3 key/value heads
/// of 64) that is 46 KB per token. Grouped-query attention exists largely to shrink this.
///
/// ```swift
/// let cache = KVCache(layers: config.layerCount)
/// var logits = model.logits(prompt, cache: cache)   // fills the cache
/// logits = model.logits([next], cache: cache)        // one token, attends to all cached ones
/// ```
public final class KVCache {
    public private(set) var keys: [Tensor?]
    public private(set) var values: [Tensor?]

    public init(layers: Int) {
        keys = Array(repeating: nil, count: layers)
        values = Array(repeating: nil, count: layers)
    }

    /// Number of positions cached (read from layer 0).
    public var length: Int { keys[0]?.shape[2] ?? 0 }

    /// Appends this step's keys and values `[B, Hkv, Tnew, d]` for `layer` and returns all of
    /// them so far `[B, Hkv, T, d]`. The cache holds values only: no gradient flows through it.
    public func append(layer: Int, key: Variable, value: Variable) -> (key: Variable, value: Variable) {
        let k = keys[layer].map { Tensor.concatenate([$0, key.value], axis: 2) } ?? key.value
        let v = values[layer].map { Tensor.concatenate([$0, value.value], axis: 2) } ?? value.value
        keys[layer] = k
        values[layer] = v
        return (Variable(k), Variable(v))
    }

    /// Forgets everything (a new prompt).
    public func reset() {
        for i in keys.indices {
            keys[i] = nil
            values[i] = nil
        }
    }
}
