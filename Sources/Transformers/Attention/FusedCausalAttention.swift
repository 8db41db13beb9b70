import Foundation
import Autograd
import Tensors

/// Causal multi-head self-attention straight from a fused `[B, T, 3C]` query/key/value
/// projection (GPT-2's `c_attn` output) to the merged `[B, T, C]` heads, as one graph node.
///
/// It computes exactly what this readable chain does —
/// ```swift
/// let qkv = x.split(sizes: [c, c, c], axis: -1)                 // 3 × [B, T, C]
/// let (q, k, v) = (splitHeads(qkv[0]), splitHeads(qkv[1]), splitHeads(qkv[2]))  // [B, H, T, d]
/// let out = mergeHeads(scaledDotProductAttention(query: q, key: k, value: v))   // [B, T, C]
/// ```
/// — without its copies. Head `h` of batch row `b` reads its `[T, d]` query, key and value
/// matrices in place (row stride `3C`) and writes its output columns in place (row stride `C`),
/// so no split, permute or merge is ever materialized; each product is one GEMM with leading
/// dimensions. The scale `1/√d` rides on the first GEMM's `alpha`, and the causal mask is applied
/// inside the softmax loop (entries above the diagonal are written as 0), so neither the scaled
/// nor the masked scores exist as tensors.
///
/// Backward, per head, with `P` the attention weights and `G = ∂L/∂out`:
/// `∂V = Pᵀ·G`, `∂P = G·Vᵀ`, `∂S = P ⊙ (∂P − rowsum(∂P ⊙ P)) / √d`, `∂Q = ∂S·K`, `∂K = ∂Sᵀ·Q`,
/// all written into the one `[B, T, 3C]` gradient (GEMM's `beta` adds to an existing gradient).
///
/// The tests check values and gradients against the readable chain above.
public func fusedCausalSelfAttention(_ qkv: Variable, heads: Int) -> Variable {
    precondition(qkv.shape.count == 3 && qkv.shape[2] % (3 * heads) == 0,
                 "fusedCausalSelfAttention: need [B, T, 3C] with C divisible by \(heads) heads, got \(qkv.shape)")
    let (batch, length, width) = (qkv.shape[0], qkv.shape[1], qkv.shape[2])
    let c = width / 3, headSize = c / heads
    let scale = 1 / Float(headSize).squareRoot()
    let squares = length * length
    // P for every (b, h), kept for the backward pass: [B, H, T, T].
    var weights = [Float](repeating: 0, count: batch * heads * squares)
    let output = Tensor(shape: [batch, length, c]) { out in
        qkv.value.scalars.withUnsafeBufferPointer { source in
            weights.withUnsafeMutableBufferPointer { probabilities in
                for b in 0..<batch {
                    for h in 0..<heads {
                        let q = source.baseAddress! + b * length * width + h * headSize
                        let p = probabilities.baseAddress! + (b * heads + h) * squares
                        // S = Q·Kᵀ/√d, then the causal softmax of each row in place.
                        Tensor.gemm(transposeA: false, transposeB: true, m: length, n: length, k: headSize, alpha: scale,
                                    a: q, lda: width, b: q + c, ldb: width, c: p, ldc: length, beta: 0)
                        for i in 0..<length { causalSoftmaxRow(p + i * length, visible: i + 1, length: length) }
                        // out = P·V, into this head's columns of the merged output.
                        Tensor.gemm(transposeA: false, transposeB: false, m: length, n: headSize, k: length,
                                    a: p, lda: length, b: q + 2 * c, ldb: width,
                                    c: out.baseAddress! + b * length * c + h * headSize, ldc: c, beta: 0)
                    }
                }
            }
        }
    }
    let probabilities = weights
    let layout = FusedAttentionLayout(batch: batch, heads: heads, length: length, headSize: headSize, scale: scale)
    return Variable(output, operation: "causal-self-attention", parents: [qkv]) { g in
        let values = qkv.value
        qkv.accumulateGrad { gradient, beta in
            layout.backward(values: values, probabilities: probabilities, upstream: g, into: gradient, beta: beta)
        }
    }
}

/// The shapes of one fused attention call, and its backward pass head by head.
///
/// Head `h` of batch row `b` reads its query, key and value at column offsets `h·d`, `C + h·d`
/// and `2C + h·d` of the fused `[B, T, 3C]` rows, and its upstream gradient at `h·d` of the
/// `[B, T, C]` rows; its gradients go to the same places as its inputs.
private struct FusedAttentionLayout {
    let batch: Int, heads: Int, length: Int, headSize: Int
    let scale: Float
    var c: Int { heads * headSize }
    var width: Int { 3 * c }

    /// Every head's gradient, written into the `[B, T, 3C]` buffer `gradient` (`beta` 0: set, 1: add).
    func backward(values: Tensor, probabilities: [Float], upstream: Tensor,
                  into gradient: UnsafeMutablePointer<Float>, beta: Float) {
        let squares = length * length
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: squares)   // ∂P, then ∂S
        defer { scratch.deallocate() }
        values.scalars.withUnsafeBufferPointer { source in
            probabilities.withUnsafeBufferPointer { p in
                upstream.scalars.withUnsafeBufferPointer { g in
                    for b in 0..<batch {
                        for h in 0..<heads {
                            let offset = b * length * width + h * headSize
                            headBackward(q: source.baseAddress! + offset, p: p.baseAddress! + (b * heads + h) * squares,
                                         upstream: g.baseAddress! + b * length * c + h * headSize,
                                         dq: gradient + offset, dp: scratch, beta: beta)
                        }
                    }
                }
            }
        }
    }

    /// One head, with `P` its attention weights `[T, T]` and `G` its upstream gradient `[T, d]`:
    /// `∂V = Pᵀ·G`, `∂P = G·Vᵀ`, `∂S = P ⊙ (∂P − rowsum(∂P ⊙ P)) / √d`, `∂Q = ∂S·K`, `∂K = ∂Sᵀ·Q`.
    /// `q` and `dq` point at the head's query columns; key and value sit `C` and `2C` further.
    private func headBackward(q: UnsafePointer<Float>, p: UnsafePointer<Float>, upstream go: UnsafePointer<Float>,
                              dq: UnsafeMutablePointer<Float>, dp: UnsafeMutablePointer<Float>, beta: Float) {
        let k = q + c, v = q + 2 * c
        let dk = dq + c, dv = dq + 2 * c
        // ∂V = Pᵀ·G and ∂P = G·Vᵀ.
        Tensor.gemm(transposeA: true, transposeB: false, m: length, n: headSize, k: length,
                    a: p, lda: length, b: go, ldb: c, c: dv, ldc: width, beta: beta)
        Tensor.gemm(transposeA: false, transposeB: true, m: length, n: length, k: headSize,
                    a: go, lda: c, b: v, ldb: width, c: dp, ldc: length, beta: 0)
        // ∂S = P ⊙ (∂P − rowsum(∂P ⊙ P)) · scale (zero above the diagonal, where P is 0).
        for i in 0..<length {
            let row = p + i * length, drow = dp + i * length
            var dot: Float = 0
            for j in 0...i { dot += drow[j] * row[j] }
            for j in 0...i { drow[j] = row[j] * (drow[j] - dot) * scale }
            for j in (i + 1)..<length { drow[j] = 0 }
        }
        // ∂Q = ∂S·K and ∂K = ∂Sᵀ·Q.
        Tensor.gemm(transposeA: false, transposeB: false, m: length, n: headSize, k: length,
                    a: dp, lda: length, b: k, ldb: width, c: dq, ldc: width, beta: beta)
        Tensor.gemm(transposeA: true, transposeB: false, m: length, n: headSize, k: length,
                    a: dp, lda: length, b: q, ldb: width, c: dk, ldc: width, beta: beta)
    }
}

/// Softmax of the first `visible` entries of a row in place; the rest (the future) become 0.
@inline(__always)
private func causalSoftmaxRow(_ row: UnsafeMutablePointer<Float>, visible: Int, length: Int) {
    var m = -Float.infinity
    for j in 0..<visible { m = max(m, row[j]) }
    let shift = FastMath.Vector(repeating: m)
    FastMath.forEachVector(visible, row, row) { FastMath.exp($0 - shift) }
    var total: Float = 0
    for j in 0..<visible { total += row[j] }
    let inverse = 1 / total
    for j in 0..<visible { row[j] *= inverse }
    for j in visible..<length { row[j] = 0 }
}
