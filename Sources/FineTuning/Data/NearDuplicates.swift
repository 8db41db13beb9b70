/// The near-duplicate removal step of data cleaning: shingles → MinHash signatures → LSH
/// candidates → exact Jaccard on the candidates → keep the first text of each cluster.
///
/// Texts are read in order. A text is removed when an earlier *kept* text is a near-duplicate
/// of it (Jaccard of their shingle sets ≥ `threshold`); otherwise it is kept. So every removed
/// text names a kept text it resembles, and no two kept texts are near-duplicates of each
/// other — among the pairs that were compared. The fast path compares only LSH's candidate
/// pairs (a similar pair LSH misses stays in the data); ``runComparingAllPairs(_:)`` compares
/// all `n(n − 1)/2`, the slow reference.
///
/// ```swift
/// let step = NearDuplicates(threshold: 0.7, shingles: .characters(4))
/// let report = step.run(texts)
/// let cleaned = report.kept.map { texts[$0] }
/// for r in report.removed { print(texts[r.index], "≈", texts[r.keptIndex], r.jaccard) }
/// ```
public struct NearDuplicates: Sendable {
    /// A text taken out, the kept text it resembles, and their exact Jaccard similarity.
    public struct Removal: Sendable, Equatable {
        public let index: Int
        public let keptIndex: Int
        public let jaccard: Double
    }

    /// Two texts and their exact Jaccard similarity.
    public struct SimilarPair: Sendable, Equatable {
        public let pair: MinHashLSH.Pair
        public let jaccard: Double
    }

    /// What a run kept and removed, and the work it did.
    public struct Report: Sendable {
        /// Indices of the kept texts, in order.
        public let kept: [Int]
        public let removed: [Removal]
        /// The pairs found at or above the threshold.
        public let similarPairs: [SimilarPair]
        /// The candidate pairs LSH proposed (nil when every pair was compared).
        public let candidates: [MinHashLSH.Pair]?
        /// How many exact Jaccard similarities were computed.
        public let comparedPairs: Int
    }

    public let threshold: Double
    public let shingles: ShingleKind
    public let minHash: MinHash
    public let bands: LSHBands

    /// A step for `threshold` with bands chosen as datasketch chooses them for `minHash`'s length.
    public init(threshold: Double, shingles: ShingleKind = .characters(4), minHash: MinHash = MinHash(numPerm: 128, seed: 1),
                bands: LSHBands? = nil) {
        precondition((0...1).contains(threshold), "the threshold is a Jaccard similarity, in [0, 1] (got \(threshold))")
        self.threshold = threshold
        self.shingles = shingles
        self.minHash = minHash
        self.bands = bands ?? .optimal(threshold: threshold, numPerm: minHash.numPerm)
    }

    // ANCHOR: run
    /// Removes near-duplicates, comparing only the pairs LSH proposes.
    public func run(_ texts: [String]) -> Report {
        let sets = texts.map(shingles.shingles)
        var index = MinHashLSH(bands: bands)
        for set in sets { index.insert(minHash.signature(of: set)) }
        let candidates = index.candidatePairs()
        let similar = candidates.compactMap { pair -> SimilarPair? in
            let j = MinHash.exactJaccard(sets[pair.first], sets[pair.second])
            return j >= threshold ? SimilarPair(pair: pair, jaccard: j) : nil
        }
        let (kept, removed) = Self.keepFirst(count: texts.count, similar: similar)
        return Report(kept: kept, removed: removed, similarPairs: similar, candidates: candidates, comparedPairs: candidates.count)
    }
    // ANCHOR_END: run

    /// The slow reference: the exact Jaccard of every pair, no MinHash, no LSH.
    public func runComparingAllPairs(_ texts: [String]) -> Report {
        let similar = Self.allSimilarPairs(texts.map(shingles.shingles), threshold: threshold)
        let (kept, removed) = Self.keepFirst(count: texts.count, similar: similar)
        return Report(kept: kept, removed: removed, similarPairs: similar, candidates: nil, comparedPairs: texts.count * (texts.count - 1) / 2)
    }

    /// Every pair of sets with Jaccard ≥ `threshold`, by comparing all of them. Shingles become
    /// integer ids and each set a sorted array, so an intersection is one merge.
    public static func allSimilarPairs(_ sets: [Set<String>], threshold: Double) -> [SimilarPair] {
        var ids: [String: Int32] = [:]
        let sorted = sets.map { set in
            set.map { shingle in
                if let id = ids[shingle] { return id }
                let id = Int32(ids.count)
                ids[shingle] = id
                return id
            }.sorted()
        }
        var found: [SimilarPair] = []
        for i in sorted.indices {
            for j in (i + 1) ..< sorted.count {
                let (x, y) = (sorted[i], sorted[j])
                var (p, q, shared) = (0, 0, 0)
                while p < x.count && q < y.count {
                    if x[p] == y[q] { shared += 1; p += 1; q += 1 } else if x[p] < y[q] { p += 1 } else { q += 1 }
                }
                let union = x.count + y.count - shared
                let jaccard = union == 0 ? 1 : Double(shared) / Double(union)
                if jaccard >= threshold { found.append(SimilarPair(pair: MinHashLSH.Pair(i, j), jaccard: jaccard)) }
            }
        }
        return found
    }

    // ANCHOR: keep-first
    /// Walks the texts in order and removes each one that resembles an earlier kept text (the
    /// most similar one is named).
    static func keepFirst(count: Int, similar: [SimilarPair]) -> (kept: [Int], removed: [Removal]) {
        var earlier = [[(index: Int, jaccard: Double)]](repeating: [], count: count)
        for s in similar { earlier[s.pair.second].append((s.pair.first, s.jaccard)) }
        var isKept = [Bool](repeating: false, count: count)
        var kept: [Int] = [], removed: [Removal] = []
        for i in 0..<count {
            let match = earlier[i].filter { isKept[$0.index] }.max { ($0.jaccard, -$0.index) < ($1.jaccard, -$1.index) }
            if let match {
                removed.append(Removal(index: i, keptIndex: match.index, jaccard: match.jaccard))
            } else {
                isKept[i] = true
                kept.append(i)
            }
        }
        return (kept, removed)
    }
    // ANCHOR_END: keep-first
}
