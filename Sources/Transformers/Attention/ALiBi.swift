import Foundation
import Tensors

/// Attention with Linear Biases (Press, Smith & Lewis 2021): no position embeddings; instead
/// each head penalizes distant keys linearly, `score(i, j) −= m_h · (i − j)`.
///
/// Slopes form a geometric sequence: for `n` heads (a power of two) `m_h = 2^(−8h/n)`,
/// `h = 1…n` — for 8 heads `1/2, 1/4, …, 1/256`. For other `n`, take the slopes of the power of
/// two `p` just below `n`, then every other slope of `2p` for the rest (the paper's recipe).
///
/// ```swift
/// ALiBi.slopes(heads: 4)   // [0.25, 0.0625, 0.015625, 0.00390625]
/// ```
public enum ALiBi {
    // ANCHOR: slopes
    public static func slopes(heads: Int) -> [Float] {
        func powerOfTwoSlopes(_ n: Int) -> [Float] {
            (1...n).map { Float(Foundation.pow(2.0, -8.0 * Double($0) / Double(n))) }
        }
        var p = 1
        while p * 2 <= heads { p *= 2 }
        if p == heads { return powerOfTwoSlopes(heads) }
        let extra = powerOfTwoSlopes(2 * p).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        return powerOfTwoSlopes(p) + extra.prefix(heads - p)
    }
    // ANCHOR_END: slopes

    // ANCHOR: bias
    /// `[H, Tq, Tk]`: `−m_h · (i − j)` for query `i` at position `Tk − Tq + i` and key `j`
    /// (future keys get a positive value; the causal mask removes them).
    public static func bias(slopes: [Float], queryLength: Int, keyLength: Int) -> Tensor {
        let offset = keyLength - queryLength
        return Tensor(shape: [slopes.count, queryLength, keyLength]) { out in
            var index = 0
            for slope in slopes {
                for i in 0..<queryLength {
                    for j in 0..<keyLength {
                        out[index] = -slope * Float(i + offset - j)
                        index += 1
                    }
                }
            }
        }
    }
    // ANCHOR_END: bias
}
