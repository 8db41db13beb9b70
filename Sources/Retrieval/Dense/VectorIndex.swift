/// A store of vectors that answers "which stored vectors are most similar to this one?".
///
/// Similarity is the inner product `⟨q, v⟩ = Σᵢ qᵢ vᵢ` (higher is more similar); for unit
/// vectors it is the cosine, so normalize both sides (``VectorMath/normalized(_:)``) to
/// search by cosine. Ids are the caller's: a chunk number, a row id in a database.
///
/// | index | search cost per query | exact? | bytes per vector (d = 128) |
/// |---|---|---|---|
/// | ``ExactIndex`` | n·d multiply-adds (one BLAS call) | yes | 4d = 512 |
/// | ``Int8Index`` | n·d, on 1-byte codes | nearly | d + 4 = 132 |
/// | ``HNSWIndex`` | about ef·M·log n distances | no (recall < 1) | 4d + links ≈ 670 |
///
/// ```swift
/// var index: any VectorIndex = ExactIndex(dimension: 128)
/// index.add(embedding, id: 42)
/// let hits = index.search(query, k: 10)    // [(id, score)], best first
/// ```
public protocol VectorIndex {
    /// Length of every vector.
    var dimension: Int { get }
    /// Number of vectors that searches can return (deleted ones excluded).
    var count: Int { get }
    /// Memory per stored vector, in bytes: its data plus any per-vector structure (graph links).
    var bytesPerVector: Double { get }
    /// Stores `vector` under `id`. Ids must be unique.
    mutating func add(_ vector: [Float], id: Int)
    /// The `k` stored vectors with the largest inner product with `query`, best first;
    /// equal scores are ordered by lower id.
    func search(_ query: [Float], k: Int) -> [SearchHit]
}

extension VectorIndex {
    /// Adds `vectors` with ids `firstID, firstID + 1, …`.
    public mutating func add(contentsOf vectors: [[Float]], firstID: Int = 0) {
        for (i, v) in vectors.enumerated() { add(v, id: firstID + i) }
    }
}
