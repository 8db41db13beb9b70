import Tensors

/// How much two fine-tunes' changes overlap: the cosine between their task vectors, and the share
/// of sign conflicts among the weights both changed by more than a typical step.
public enum TaskVectorOverlap {
    public static func measure(_ a: [String: Tensor], _ b: [String: Tensor], base: [String: Tensor]) -> (cosine: Double, conflicts: Double) {
        var dot = 0.0, normA = 0.0, normB = 0.0
        var pairs: [(Float, Float)] = []
        for name in base.keys.sorted() {
            let (x, y, z) = (a[name]!.scalars, b[name]!.scalars, base[name]!.scalars)
            for j in z.indices {
                let (ta, tb) = (x[j] - z[j], y[j] - z[j])
                dot += Double(ta * tb); normA += Double(ta * ta); normB += Double(tb * tb)
                pairs.append((ta, tb))
            }
        }
        // "Clearly moved": more than the mean absolute change of that fine-tune.
        let meanA = pairs.map { abs($0.0) }.reduce(0, +) / Float(pairs.count)
        let meanB = pairs.map { abs($0.1) }.reduce(0, +) / Float(pairs.count)
        let both = pairs.filter { abs($0.0) > meanA && abs($0.1) > meanB }
        let opposite = both.filter { ($0.0 > 0) != ($0.1 > 0) }.count
        return (dot / max(1e-12, (normA * normB).squareRoot()), both.isEmpty ? 0 : Double(opposite) / Double(both.count))
    }
}
