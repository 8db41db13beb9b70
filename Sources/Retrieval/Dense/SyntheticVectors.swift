import Tensors

/// Seeded clustered unit vectors: stand-ins for embeddings in tests, demos and benchmarks.
///
/// Real embeddings are not spread evenly over the sphere; documents on one topic crowd
/// together. Here `clusters` centers are drawn at random, and each vector is a center plus
/// Gaussian noise of standard deviation `spread` per coordinate, then normalized. Queries
/// drawn the same way land among the data, as real questions do.
///
/// ```swift
/// let data = SyntheticVectors.clustered(count: 5_000, dimension: 32, clusters: 50, seed: 1)
/// data.count                   // 5_000 · 32 floats, row-major
/// let queries = SyntheticVectors.clustered(count: 100, dimension: 32, clusters: 50, seed: 1, drawSeed: 2)
/// ```
public enum SyntheticVectors {
    // ANCHOR: clustered
    public static func clustered(count: Int, dimension: Int, clusters: Int, spread: Float = 0.3,
                                 seed: UInt64, drawSeed: UInt64? = nil) -> [Float] {
        var rng = SplitMix64(seed: seed)
        let centers = (0..<clusters).map { _ in VectorMath.normalized((0..<dimension).map { _ in rng.nextNormal() }) }
        // Another draw seed gives other points around the same centres: queries for the data.
        if let drawSeed { rng = SplitMix64(seed: drawSeed) }
        var out: [Float] = []
        out.reserveCapacity(count * dimension)
        for _ in 0..<count {
            let center = centers[rng.nextInt(below: clusters)]
            out += VectorMath.normalized(center.map { $0 + spread * rng.nextNormal() })
        }
        return out
    }
    // ANCHOR_END: clustered

    /// Row `i` of a row-major `[n, dimension]` buffer.
    public static func row(_ data: [Float], _ i: Int, dimension: Int) -> [Float] {
        Array(data[(i * dimension)..<((i + 1) * dimension)])
    }
}
