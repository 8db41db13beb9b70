import Tensors

/// Brute-force search: the similarity of the query with every stored vector, computed as one
/// matrix–vector product, then the best `k`.
///
/// With `n` vectors of dimension `d` stored as the rows of `V` (`[n, d]`, row-major), the
/// scores of a query `q` (`[d]`) are `s = V q` (`[n]`), one BLAS call (`sgemv`) that streams `V`
/// through the cache once. ``search(batch:k:)`` does `S = Q Vᵀ` for many queries in one
/// matrix product, which is faster still. Nothing is approximate: this index is the ground
/// truth that ``HNSWIndex`` and ``Int8Index`` are measured against.
///
/// ```swift
/// var index = ExactIndex(dimension: 3)
/// index.add([1, 0, 0], id: 7)
/// index.add([0, 1, 0], id: 9)
/// index.search([0.9, 0.1, 0], k: 1)       // [(7, 0.9)]
/// ```
public struct ExactIndex: VectorIndex, Sendable {
    public let dimension: Int
    /// Stored vectors, one after another (`[count, dimension]`, row-major).
    public private(set) var vectors: [Float] = []
    public private(set) var ids: [Int] = []

    public init(dimension: Int) {
        precondition(dimension > 0, "ExactIndex: dimension must be positive, got \(dimension)")
        self.dimension = dimension
    }

    public var count: Int { ids.count }
    public var bytesPerVector: Double { Double(4 * dimension) }

    public mutating func add(_ vector: [Float], id: Int) {
        precondition(vector.count == dimension, "ExactIndex.add: vector of length \(vector.count), index dimension \(dimension)")
        vectors += vector
        ids.append(id)
    }

    // ANCHOR: scores
    /// `V q`: the inner product of `query` with every stored vector, in insertion order.
    public func scores(_ query: [Float]) -> [Float] {
        precondition(query.count == dimension, "ExactIndex.search: query of length \(query.count), index dimension \(dimension)")
        var out = [Float](repeating: 0, count: count)
        vectors.withUnsafeBufferPointer { v in
            query.withUnsafeBufferPointer { q in
                out.withUnsafeMutableBufferPointer { s in
                    // [count, d] · [d] = [count]: one matrix–vector product (sgemv).
                    Tensor.gemv(transpose: false, m: count, n: dimension, a: v.baseAddress!, x: q.baseAddress!,
                                y: s.baseAddress!, beta: 0)
                }
            }
        }
        return out
    }
    // ANCHOR_END: scores

    public func search(_ query: [Float], k: Int) -> [SearchHit] {
        precondition(query.count == dimension, "ExactIndex.search: query of length \(query.count), index dimension \(dimension)")
        guard count > 0, k > 0 else { return [] }
        // ``scores(_:)`` then ``TopK``, a block of rows at a time: the block's scores are still
        // in the first-level cache when the selection reads them, instead of a round trip of
        // 4 bytes per stored vector through memory. The products are our own loop
        // (``VectorMath/dotRows(_:_:count:_:into:)``) rather than sgemv: for one query the work
        // is reading the matrix once, which a simple loop does as fast as BLAS, and it does not
        // depend on which kernel OpenBLAS picked for this processor.
        let block = Self.rowsPerBlock
        var top = TopKStream(k: k)
        var s = [Float](repeating: 0, count: Swift.min(block, count))
        vectors.withUnsafeBufferPointer { v in
            query.withUnsafeBufferPointer { q in
                ids.withUnsafeBufferPointer { ids in
                    s.withUnsafeMutableBufferPointer { out in
                        for first in stride(from: 0, to: count, by: block) {
                            let rows = Swift.min(block, count - first)
                            VectorMath.dotRows(q.baseAddress!, v.baseAddress! + first * dimension, count: rows, dimension,
                                               into: out.baseAddress!)
                            top.add(UnsafeBufferPointer(rebasing: out[0..<rows]), firstRow: first, ids: ids)
                        }
                    }
                }
            }
        }
        return top.hits
    }

    /// Rows scored per matrix–vector product in ``search(_:k:)``: 4,096 scores are 16 KB.
    static let rowsPerBlock = 4_096

    /// ``search(_:k:)`` among the vectors whose id passes `filter` (a metadata filter, say).
    public func search(_ query: [Float], k: Int, where filter: ((Int) -> Bool)?) -> [SearchHit] {
        guard count > 0 else { return [] }
        var s = scores(query)
        if let filter {
            for i in s.indices where !filter(ids[i]) { s[i] = .nan }   // NaN is never selected
        }
        return s.withUnsafeBufferPointer { scores in ids.withUnsafeBufferPointer { TopK.select(k, scores: scores, ids: $0) } }
    }

    /// Many queries at once (`queries` is `[m, dimension]` row-major): `S = Q Vᵀ` by matrix
    /// products over blocks of queries, so the score matrix stays small enough for the cache
    /// (all of `S` for 1,000 queries and 100,000 vectors would be 400 MB).
    public func search(batch queries: [Float], k: Int, block: Int = 64, rowBlock: Int = 4096) -> [[SearchHit]] {
        let m = queries.count / dimension
        precondition(m * dimension == queries.count, "ExactIndex.search(batch:): \(queries.count) floats is not a multiple of dimension \(dimension)")
        guard count > 0, m > 0 else { return Array(repeating: [], count: m) }
        var results: [[SearchHit]] = []
        results.reserveCapacity(m)
        // Tiles of [queries, stored rows]: 64 × 4096 scores (1 MB) stay in cache between the
        // product that writes them and the top-k that reads them; one [64, n] block would not.
        let tileRows = min(rowBlock, count)
        var s = [Float](repeating: 0, count: min(block, m) * tileRows)
        for first in stride(from: 0, to: m, by: block) {
            let rows = min(block, m - first)
            var tops = (0..<rows).map { _ in TopKStream(k: k) }
            for start in stride(from: 0, to: count, by: tileRows) {
                let n = min(tileRows, count - start)
                queries.withUnsafeBufferPointer { q in
                    vectors.withUnsafeBufferPointer { v in
                        s.withUnsafeMutableBufferPointer { out in
                            // [rows, d] · [n, d]ᵀ = [rows, n]
                            Tensor.gemm(transposeA: false, transposeB: true, m: rows, n: n, k: dimension,
                                        a: q.baseAddress! + first * dimension, b: v.baseAddress! + start * dimension,
                                        c: out.baseAddress!, beta: 0)
                        }
                    }
                }
                s.withUnsafeBufferPointer { all in
                    ids.withUnsafeBufferPointer { ids in
                        for r in 0..<rows {
                            tops[r].add(UnsafeBufferPointer(rebasing: all[(r * n)..<((r + 1) * n)]), firstRow: start, ids: ids)
                        }
                    }
                }
            }
            results += tops.map(\.hits)
        }
        return results
    }
}
