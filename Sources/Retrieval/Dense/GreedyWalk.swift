/// The move at the heart of graph search: from a node, step to its neighbor most similar
/// to the query, and stop when no neighbor is more similar than where you stand.
///
/// The stop is a *local* maximum: on a good graph (a small world, where links reach both
/// near and far) it is usually close to the true best, and it is reached in few hops. HNSW
/// uses this walk on each upper layer to find where to start the layer below.
///
///     next = argmax_{n ∈ neighbors(current)} sim(q, n);   move while sim(q, next) > sim(q, current)
///
/// Ties keep the first neighbor in list order; a neighbor only as similar as the current
/// node is not a move (the walk always ends).
///
/// ```swift
/// let vectors: [[Float]] = [[1, 0], [0.8, 0.6], [0, 1]]
/// let walk = GreedyWalk.path(from: 0, neighbors: { [[1], [0, 2], [1]][$0] },
///                            similarity: { VectorMath.dot([0, 1], vectors[$0]) })
/// walk.path           // [0, 1, 2]
/// ```
public enum GreedyWalk {
    // ANCHOR: greedy
    @inlinable
    public static func path<Links: Sequence>(from start: Int, neighbors: (Int) -> Links,
                                             similarity: (Int) -> Float) -> (path: [Int], similarity: Float)
    where Links.Element: BinaryInteger {
        var current = start
        var best = similarity(start)
        var path = [start]
        while true {
            var next = current
            for n in neighbors(current) {
                let s = similarity(Int(n))
                if s > best {               // strictly better: equal is not a move
                    best = s
                    next = Int(n)
                }
            }
            if next == current { return (path, best) }
            current = next
            path.append(current)
        }
    }
    // ANCHOR_END: greedy
}
