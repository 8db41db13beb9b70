import Foundation

/// The contrastive loss that trains a bi-encoder: each question must pick its own passage out
/// of the batch, where every other pair's passage serves as a negative ("in-batch negatives").
///
/// With unit query vectors `Q` (`[B, D]`), unit passage vectors `P` (`[B, D]`) and a
/// temperature τ, the logits are `S = Q Pᵀ / τ` (`[B, B]`); pair `i`'s positive is `S[i, i]`.
/// The loss is symmetric, as in CLIP: the cross-entropy of each row (pick the passage for a
/// question) and of each column (pick the question for a passage), averaged:
///
///     L = ½ · (1/B) Σᵢ [ logsumexpⱼ S[i, j] − S[i, i] ]  +  ½ · (1/B) Σⱼ [ logsumexpᵢ S[i, j] − S[j, j] ]
///
/// Its gradient with respect to the logits is `½ (softmax_rows(S) − I) / B + ½ (softmax_cols(S) − I) / B`,
/// and through `S = Q Pᵀ / τ`: `∂L/∂Q = (∂L/∂S) P / τ`, `∂L/∂P = (∂L/∂S)ᵀ Q / τ`.
/// A small τ sharpens the softmax: 0.05 makes a cosine gap of 0.1 a factor e² in probability.
public enum InfoNCE {
    // ANCHOR: loss
    /// The loss and its gradients for row-major `q` and `p` (`[b, d]` each).
    public static func lossAndGradients(q: [Float], p: [Float], b: Int, d: Int, temperature: Float)
        -> (loss: Double, dQ: [Float], dP: [Float]) {
        precondition(q.count == b * d && p.count == b * d, "InfoNCE: expected \(b) × \(d) values on each side")
        // S = Q Pᵀ / τ: [b, b]
        var s = [Double](repeating: 0, count: b * b)
        for i in 0..<b {
            for j in 0..<b {
                var dot: Float = 0
                for k in 0..<d { dot += q[i * d + k] * p[j * d + k] }
                s[i * b + j] = Double(dot / temperature)
            }
        }
        var loss = 0.0
        var dS = [Double](repeating: 0, count: b * b)
        let half = 0.5 / Double(b)
        // Rows: softmax over passages j for question i. Columns: over questions i for passage j.
        for direction in 0..<2 {
            for r in 0..<b {
                let at: (Int) -> Int = direction == 0 ? { r * b + $0 } : { $0 * b + r }
                let peak = (0..<b).map { s[at($0)] }.max()!
                let total = (0..<b).reduce(0.0) { $0 + exp(s[at($1)] - peak) }
                loss += half * (peak + log(total) - s[at(r)])
                for c in 0..<b { dS[at(c)] += half * (exp(s[at(c)] - peak) / total - (c == r ? 1 : 0)) }
            }
        }
        var dQ = [Float](repeating: 0, count: b * d), dP = [Float](repeating: 0, count: b * d)
        for i in 0..<b {
            for j in 0..<b {
                let g = Float(dS[i * b + j]) / temperature
                if g == 0 { continue }
                for k in 0..<d {
                    dQ[i * d + k] += g * p[j * d + k]
                    dP[j * d + k] += g * q[i * d + k]
                }
            }
        }
        return (loss, dQ, dP)
    }
    // ANCHOR_END: loss
}
