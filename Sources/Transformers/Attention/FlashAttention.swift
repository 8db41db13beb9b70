import Foundation
import Tensors

/// Attention computed tile by tile with an online softmax (Dao et al. 2022, "FlashAttention"),
/// so the `Tq × Tk` score matrix never exists — memory stays `O(T·d)` instead of `O(T²)`.
///
/// For each block of queries, walk the key blocks, keeping per query row the running maximum
/// `m`, the running sum `ℓ` of `exp(score − m)` and the running output `o`. A new tile of scores
/// `s` gives `m′ = max(m, max s)`; old terms are rescaled by `exp(m − m′)`:
///
/// ```
/// ℓ′ = ℓ·exp(m − m′) + Σⱼ exp(sⱼ − m′)
/// o′ = o·exp(m − m′) + Σⱼ exp(sⱼ − m′)·vⱼ
/// ```
///
/// and at the end `output = o / ℓ` — the same numbers as softmax-then-multiply, up to rounding.
/// Key blocks entirely in a query block's future are skipped under the causal mask.
///
/// Shapes and options are those of ``scaledDotProductAttention(query:key:value:causal:alibiSlopes:)``
/// (inference only: plain tensors, no gradient). The largest temporary is one
/// `blockSize × blockSize` tile.
// ANCHOR: flash
public func flashAttention(
    query: Tensor, key: Tensor, value: Tensor, causal: Bool = true, alibiSlopes: [Float]? = nil, blockSize: Int = 32
) -> Tensor {
    let (heads, queryLength, d) = checkAttentionShapes(query.shape, key.shape, value.shape)
    let (batch, kvHeads, keyLength) = (key.shape[0], key.shape[1], key.shape[2])
    let group = heads / kvHeads
    let offset = keyLength - queryLength  // query i sits at position offset + i
    let scale = 1 / Float(d).squareRoot()
    var output = Tensor.zeros(query.shape)
    var tile = [Float](repeating: 0, count: blockSize * blockSize)
    var rowMax = [Float](repeating: 0, count: blockSize), rowSum = rowMax
    var accumulator = [Float](repeating: 0, count: blockSize * d)

    for b in 0..<batch {
        for h in 0..<heads {
            let qBase = ((b * heads + h) * queryLength) * d
            let kvBase = ((b * kvHeads + h / group) * keyLength) * d
            let slope = alibiSlopes?[h] ?? 0
            for q0 in stride(from: 0, to: queryLength, by: blockSize) {
                let qn = min(blockSize, queryLength - q0)
                for r in 0..<qn { rowMax[r] = -.infinity; rowSum[r] = 0 }
                for i in 0..<(qn * d) { accumulator[i] = 0 }
                // The last key any query of this block may see.
                let keyEnd = causal ? min(keyLength, offset + q0 + qn) : keyLength
                for k0 in stride(from: 0, to: keyEnd, by: blockSize) {
                    let kn = min(blockSize, keyEnd - k0)
                    // Scores of the tile: s[r, c] = q·k · scale + bias, −∞ in the future.
                    for r in 0..<qn {
                        let qi = qBase + (q0 + r) * d
                        for c in 0..<kn {
                            let kj = kvBase + (k0 + c) * d
                            var dot: Float = 0
                            for x in 0..<d { dot += query.scalars[qi + x] * key.scalars[kj + x] }
                            let distance = Float(offset + q0 + r - (k0 + c))
                            let visible = !causal || distance >= 0
                            tile[r * blockSize + c] = visible ? dot * scale - slope * distance : -.infinity
                        }
                    }
                    // Online softmax update, row by row.
                    for r in 0..<qn {
                        var tileMax: Float = -.infinity
                        for c in 0..<kn { tileMax = max(tileMax, tile[r * blockSize + c]) }
                        let newMax = max(rowMax[r], tileMax)
                        if newMax == -.infinity { continue }  // nothing visible yet
                        let rescale = Foundation.exp(rowMax[r] - newMax)
                        rowSum[r] *= rescale
                        for x in 0..<d { accumulator[r * d + x] *= rescale }
                        for c in 0..<kn {
                            let p = Foundation.exp(tile[r * blockSize + c] - newMax)
                            if p == 0 { continue }
                            rowSum[r] += p
                            let vj = kvBase + (k0 + c) * d
                            for x in 0..<d { accumulator[r * d + x] += p * value.scalars[vj + x] }
                        }
                        rowMax[r] = newMax
                    }
                }
                for r in 0..<qn {
                    let oi = qBase + (q0 + r) * d
                    let inverse = rowSum[r] > 0 ? 1 / rowSum[r] : 0
                    for x in 0..<d { output.scalars[oi + x] = accumulator[r * d + x] * inverse }
                }
            }
        }
    }
    return output
}
// ANCHOR_END: flash
