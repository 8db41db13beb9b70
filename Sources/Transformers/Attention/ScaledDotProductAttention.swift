import Foundation
import Autograd
import Tensors

/// Scaled dot-product attention (Vaswani et al. 2017) with the variants modern models use.
///
/// For each head, `softmax(Q·Kᵀ/√d + bias, masked) · V`:
///
/// - `query`: `[B, H, Tq, d]`, `key` and `value`: `[B, Hkv, Tk, d]`. `H = Hkv` is multi-head
///   attention; `Hkv = 1` is multi-query; anything between that divides `H` is grouped-query
///   attention — query head `h` reads key/value head `h / (H / Hkv)`, as Hugging Face's `repeat_kv`.
/// - `causal`: query `i` is the token at position `Tk − Tq + i` (the last `Tq` of the `Tk`
///   positions, so a KV cache works unchanged) and sees keys at positions up to its own.
/// - `alibiSlopes`: one slope per head adds `−slope·(i − j)` to the score of query `i` on key `j`
///   (Press et al. 2021), instead of position embeddings.
///
/// Returns `[B, H, Tq, d]`. The `T×T` weights are materialized; see ``flashAttention`` for the
/// tiled version that never builds them.
///
/// ```swift
/// let out = scaledDotProductAttention(query: q, key: k, value: v)   // causal by default
/// ```
// ANCHOR: attention
public func scaledDotProductAttention(
    query: Variable, key: Variable, value: Variable, causal: Bool = true, alibiSlopes: [Float]? = nil
) -> Variable {
    attentionWithWeights(query: query, key: key, value: value, causal: causal, alibiSlopes: alibiSlopes).output
}

/// Like ``scaledDotProductAttention(query:key:value:causal:alibiSlopes:)``, also returning the
/// attention weights `[B, H, Tq, Tk]` (rows sum to 1) for plotting.
public func attentionWithWeights(
    query: Variable, key: Variable, value: Variable, causal: Bool = true, alibiSlopes: [Float]? = nil
) -> (output: Variable, weights: Variable) {
    let (heads, queryLength, headSize) = checkAttentionShapes(query.shape, key.shape, value.shape)
    let keyLength = key.shape[2]
    // Grouped-query: give every query head its key/value head.
    let (k, v) = (repeatKeyValueHeads(key, to: heads), repeatKeyValueHeads(value, to: heads))
    var scores = query.matmul(k, transposeOther: true) * (1 / Float(headSize).squareRoot())  // [B, H, Tq, Tk]
    if let slopes = alibiSlopes {
        scores = scores + ALiBi.bias(slopes: slopes, queryLength: queryLength, keyLength: keyLength)
    }
    if causal && keyLength > 1 {
        scores = scores.maskedFill(keepWhere: causalMask(queryLength: queryLength, keyLength: keyLength), with: -.infinity)
    }
    let weights = scores.softmax(axis: -1)
    return (weights.matmul(v), weights)  // [B, H, Tq, d]
}
// ANCHOR_END: attention

/// `[B, Hkv, T, d]` → `[B, H, T, d]`, each key/value head repeated for its `H / Hkv` query heads.
public func repeatKeyValueHeads(_ x: Variable, to heads: Int) -> Variable {
    let kvHeads = x.shape[1]
    guard kvHeads != heads else { return x }
    let group = heads / kvHeads
    return x.indexSelect((0..<heads).map { $0 / group }, axis: 1)
}

/// `[Tq, Tk]`: 1 where query `i` (at position `Tk − Tq + i`) may see key `j`, else 0.
public func causalMask(queryLength: Int, keyLength: Int) -> Tensor {
    let offset = keyLength - queryLength
    return Tensor(shape: [queryLength, keyLength]) { out in
        for i in 0..<queryLength {
            for j in 0..<keyLength { out[i * keyLength + j] = j <= i + offset ? 1 : 0 }
        }
    }
}

/// Checks the shapes of an attention call; returns `(H, Tq, d)`.
func checkAttentionShapes(_ q: [Int], _ k: [Int], _ v: [Int]) -> (Int, Int, Int) {
    precondition(q.count == 4 && k.count == 4 && k == v,
                 "attention: query must be [B, H, Tq, d] and key/value equal [B, Hkv, Tk, d]; got \(q), \(k), \(v)")
    precondition(q[0] == k[0] && q[3] == k[3], "attention: batch and head size of query \(q) and key \(k) differ")
    precondition(k[1] > 0 && q[1] % k[1] == 0, "attention: \(q[1]) query heads cannot share \(k[1]) key/value heads evenly")
    precondition(k[2] >= q[2], "attention: \(q[2]) queries but only \(k[2]) keys")
    return (q[1], q[2], q[3])
}
