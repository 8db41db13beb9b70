import Foundation
import Tensors

/// The arithmetic of model merging on one parameter tensor, flattened to `[Float]`.
///
/// `models[i]` holds model i's values of the tensor, `weights[i]` its weight; all the same length.
/// Kept free of files so each formula can be read (and tested) on a handful of numbers.
public enum TensorMerge {
    // ANCHOR: linear
    /// `Σ wᵢ θᵢ / Σ wᵢ` — a weighted average ("model soup").
    public static func linear(_ models: [[Float]], weights: [Float]) -> [Float] {
        let total = weights.reduce(0, +)
        var out = [Float](repeating: 0, count: models[0].count)
        for (model, w) in zip(models, weights) {
            for j in out.indices { out[j] += w / total * model[j] }
        }
        return out
    }
    // ANCHOR_END: linear

    // ANCHOR: slerp
    /// Spherical interpolation from `a` (t = 0) to `b` (t = 1).
    ///
    /// The angle Ω between the two tensors comes from their normalized dot product; then
    /// `slerp = sin((1−t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b`. Unlike a straight average it keeps the
    /// "length" of the weights when the two point in different directions. Nearly parallel
    /// tensors (|cos Ω| > 0.9995) fall back to the straight line, where sin Ω ≈ 0 would divide badly.
    public static func slerp(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for j in a.indices {
            dot += Double(a[j]) * Double(b[j])
            normA += Double(a[j]) * Double(a[j])
            normB += Double(b[j]) * Double(b[j])
        }
        let cosine = normA > 0 && normB > 0 ? dot / (normA.squareRoot() * normB.squareRoot()) : 1
        guard abs(cosine) <= 0.9995 else { return lerp(a, b, t: t) }
        let omega = acos(min(1, max(-1, cosine)))
        let s = sin(omega)
        let wa = Float(sin((1 - Double(t)) * omega) / s), wb = Float(sin(Double(t) * omega) / s)
        return a.indices.map { wa * a[$0] + wb * b[$0] }
    }
    // ANCHOR_END: slerp

    /// `(1−t)·a + t·b`.
    public static func lerp(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        a.indices.map { (1 - t) * a[$0] + t * b[$0] }
    }

    /// Task vectors `θᵢ − θ_base`.
    public static func taskVectors(_ models: [[Float]], base: [Float]) -> [[Float]] {
        models.map { model in model.indices.map { model[$0] - base[$0] } }
    }

    // ANCHOR: task-arithmetic
    /// `θ_base + λ Σ wᵢ τᵢ`: add what each fine-tune learned to the base.
    public static func taskArithmetic(_ models: [[Float]], base: [Float], weights: [Float], lambda: Float = 1) -> [Float] {
        var out = base
        for (tau, w) in zip(taskVectors(models, base: base), weights) {
            for j in out.indices { out[j] += lambda * w * tau[j] }
        }
        return out
    }
    // ANCHOR_END: task-arithmetic

    // ANCHOR: ties
    /// TIES merging: trim, elect sign, disjoint merge.
    ///
    /// 1. Trim: keep only the `density` share of each task vector's entries with the largest
    ///    magnitude; the small changes are mostly noise and interfere with the other models.
    /// 2. Elect: per element, the sign of `Σ wᵢ τᵢ` after trimming.
    /// 3. Disjoint merge: the weighted mean of only those τᵢ that agree with the elected sign,
    ///    so a large push in one direction is not cancelled by another model's opposite push.
    public static func ties(_ models: [[Float]], base: [Float], weights: [Float], density: Float, lambda: Float = 1) -> [Float] {
        let trimmed = taskVectors(models, base: base).map { trimToLargest($0, density: density) }
        var out = base
        for j in out.indices {
            var vote: Float = 0
            for (tau, w) in zip(trimmed, weights) { vote += w * tau[j] }
            guard vote != 0 else { continue }
            var sum: Float = 0, weight: Float = 0
            for (tau, w) in zip(trimmed, weights) where tau[j] != 0 && (tau[j] > 0) == (vote > 0) {
                sum += w * tau[j]
                weight += w
            }
            if weight > 0 { out[j] += lambda * sum / weight }
        }
        return out
    }
    // ANCHOR_END: ties

    /// Zeroes all but the `density` share (rounded, at least one) of entries with the largest |value|.
    /// Equal magnitudes are kept in index order, so the result does not depend on sorting details.
    public static func trimToLargest(_ values: [Float], density: Float) -> [Float] {
        guard density < 1 else { return values }
        let keep = max(1, Int((density * Float(values.count)).rounded()))
        let order = values.indices.sorted { abs(values[$0]) != abs(values[$1]) ? abs(values[$0]) > abs(values[$1]) : $0 < $1 }
        var out = [Float](repeating: 0, count: values.count)
        for i in order.prefix(keep) { out[i] = values[i] }
        return out
    }

    // ANCHOR: dare
    /// DARE: drop each task-vector entry with probability `1 − density`, scale the survivors by
    /// `1/density` (so the expected task vector is unchanged), then add them to the base.
    public static func dare(_ models: [[Float]], base: [Float], weights: [Float], density: Float,
                            lambda: Float = 1, rng: inout SplitMix64) -> [Float] {
        var out = base
        for (tau, w) in zip(taskVectors(models, base: base), weights) {
            for j in out.indices where rng.nextUniform() < density {
                out[j] += lambda * w * tau[j] / density
            }
        }
        return out
    }
    // ANCHOR_END: dare
}
