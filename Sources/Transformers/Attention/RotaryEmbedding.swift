import Foundation
import Autograd
import Tensors

/// Rotary position embedding (RoPE, Su et al. 2021) in Hugging Face's `rotate_half` layout.
///
/// Each head vector of size `d` is split into halves `x₁ = x[0..<d/2]`, `x₂ = x[d/2..<d]`; pair
/// `(x₁[i], x₂[i])` at position `p` is rotated by the angle `p·θᵢ`, `θᵢ = base^(−2i/d)`:
///
/// ```
/// out₁[i] = x₁[i]·cos(pθᵢ) − x₂[i]·sin(pθᵢ)
/// out₂[i] = x₂[i]·cos(pθᵢ) + x₁[i]·sin(pθᵢ)
/// ```
///
/// which is `x·cos + rotate_half(x)·sin` with `rotate_half(x) = [−x₂, x₁]`. (Meta's original
/// checkpoints pair neighboring dimensions instead; Hugging Face permutes the q/k weights so
/// that halves work — checkpoints from the Hub already use this layout.) Rotating both queries
/// and keys makes their dot product depend only on the distance between positions.
///
/// With linear scaling (context extension by position interpolation) positions are divided by
/// `scalingFactor` before the angles are taken.
///
/// ```swift
/// let rope = RotaryEmbedding(headSize: 64, base: 10_000)
/// let q2 = rope(q, offset: cache.length)     // q: [B, H, T, 64]
/// ```
public struct RotaryEmbedding: Sendable {
    public let headSize: Int
    public let base: Float
    public let scalingFactor: Float
    /// `θᵢ` for `i = 0..<d/2`.
    public let inverseFrequencies: [Float]

    public init(headSize: Int, base: Float = 10_000, scalingFactor: Float = 1) {
        precondition(headSize % 2 == 0, "RoPE: head size \(headSize) must be even")
        self.headSize = headSize
        self.base = base
        self.scalingFactor = scalingFactor
        // Computed like Hugging Face (in float32, from integer exponents) so angles agree bit for bit.
        inverseFrequencies = (0..<(headSize / 2)).map { i in
            1 / Foundation.pow(base, Float(2 * i) / Float(headSize))
        }
    }

    // ANCHOR: angles
    /// `(cos, sin)` tables `[T, d/2]` for positions `offset ..< offset + T`.
    public func tables(length: Int, offset: Int = 0) -> (cos: [Float], sin: [Float]) {
        let half = headSize / 2
        var cosTable = [Float](repeating: 0, count: length * half), sinTable = cosTable
        for t in 0..<length {
            let position = Float(offset + t) / scalingFactor
            for i in 0..<half {
                let angle = position * inverseFrequencies[i]
                cosTable[t * half + i] = Foundation.cos(angle)
                sinTable[t * half + i] = Foundation.sin(angle)
            }
        }
        return (cosTable, sinTable)
    }
    // ANCHOR_END: angles

    // ANCHOR: rope
    /// Rotates `x: […, T, d]` whose positions start at `offset`. Gradient: the inverse rotation.
    public func callAsFunction(_ x: Variable, offset: Int = 0) -> Variable {
        let shape = x.shape
        precondition(shape.last == headSize && shape.count >= 2, "RoPE: expected […, T, \(headSize)], got \(shape)")
        let length = shape[shape.count - 2]
        let (cosTable, sinTable) = tables(length: length, offset: offset)
        let out = Self.rotate(x.value, cos: cosTable, sin: sinTable, length: length, inverse: false)
        return Variable(out, operation: "rope", parents: [x]) { g in
            x.accumulateGrad(Self.rotate(g, cos: cosTable, sin: sinTable, length: length, inverse: true))
        }
    }

    /// The rotation on plain tensors (`inverse` rotates by `−pθᵢ`).
    static func rotate(_ x: Tensor, cos: [Float], sin: [Float], length: Int, inverse: Bool) -> Tensor {
        let d = x.shape[x.rank - 1], half = d / 2
        let rows = x.count / d
        let sign: Float = inverse ? -1 : 1
        return Tensor(shape: x.shape) { out in
            x.scalars.withUnsafeBufferPointer { src in
                for row in 0..<rows {
                    let base = row * d, table = (row % length) * half
                    for i in 0..<half {
                        let x1 = src[base + i], x2 = src[base + half + i]
                        let c = cos[table + i], s = sign * sin[table + i]
                        out[base + i] = x1 * c - x2 * s
                        out[base + half + i] = x2 * c + x1 * s
                    }
                }
            }
        }
    }
    // ANCHOR_END: rope
}
