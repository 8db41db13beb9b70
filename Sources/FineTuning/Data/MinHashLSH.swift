/// Locality-sensitive hashing of MinHash signatures: finds the pairs worth comparing without
/// comparing all `n(n − 1)/2` of them.
///
/// Each signature is cut into ``LSHBands`` (`b` bands of `r` slots). Band `k`'s `r` values are
/// a bucket key in table `k`; two signatures that land in the same bucket of any table are a
/// *candidate pair*. Similar texts agree in many slots and so, likely, in some whole band;
/// dissimilar ones rarely agree in `r` slots at once. The chance is the S-curve
/// `1 − (1 − s^r)^b` (``LSHBands/candidateProbability(_:)``). Inserting is `O(b)` per text,
/// and the work of a query is proportional to the candidates it finds.
///
/// Buckets are keyed by the band's values themselves, as datasketch's `MinHashLSH` keys them by
/// their bytes, so given the same signatures and `(b, r)` both find the same candidates.
///
/// Shapes: signatures `[numPerm]` with `numPerm ≥ b·r`; `b` tables of buckets.
///
/// ```swift
/// var index = MinHashLSH(bands: .optimal(threshold: 0.8, numPerm: 128))
/// for signature in signatures { index.insert(signature) }    // ids 0, 1, 2, … in order
/// index.query(signatures[0])                                 // ids sharing a bucket with text 0
/// index.candidatePairs()                                     // every pair sharing a bucket in some band
/// ```
public struct MinHashLSH: Sendable {
    /// Two ids, the smaller first.
    public struct Pair: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let first: Int
        public let second: Int

        public init(_ x: Int, _ y: Int) {
            precondition(x != y, "a pair needs two different texts")
            (first, second) = (min(x, y), max(x, y))
        }

        public static func < (l: Pair, r: Pair) -> Bool { (l.first, l.second) < (r.first, r.second) }
        public var description: String { "(\(first), \(second))" }
    }

    public let bands: LSHBands
    /// One table per band: a band's values → the ids that have them.
    private var tables: [[[UInt32]: [Int]]]
    /// How many signatures have been inserted (the next id).
    public private(set) var count = 0

    public init(bands: LSHBands) {
        self.bands = bands
        tables = Array(repeating: [:], count: bands.bands)
    }

    /// An index with the bands ``LSHBands/optimal(threshold:numPerm:falsePositiveWeight:falseNegativeWeight:)`` picks.
    public init(threshold: Double, numPerm: Int) {
        self.init(bands: .optimal(threshold: threshold, numPerm: numPerm))
    }

    // ANCHOR: bands
    /// The bucket keys of a signature: band `k` is slots `k·r ..< (k + 1)·r`.
    public static func bandKeys(_ signature: [UInt32], bands: LSHBands) -> [[UInt32]] {
        precondition(signature.count >= bands.bands * bands.rows,
                     "a signature of \(signature.count) slots is too short for \(bands.bands) bands of \(bands.rows) rows")
        return (0..<bands.bands).map { k in Array(signature[k * bands.rows ..< (k + 1) * bands.rows]) }
    }

    /// The definition of a candidate pair: some band agrees in all its rows.
    public static func isCandidate(_ x: [UInt32], _ y: [UInt32], bands: LSHBands) -> Bool {
        zip(bandKeys(x, bands: bands), bandKeys(y, bands: bands)).contains { $0 == $1 }
    }
    // ANCHOR_END: bands

    /// Adds a signature to every band's table; returns its id (0, 1, 2, … in insertion order).
    @discardableResult
    public mutating func insert(_ signature: [UInt32]) -> Int {
        let id = count
        for (k, key) in Self.bandKeys(signature, bands: bands).enumerated() { tables[k][key, default: []].append(id) }
        count += 1
        return id
    }

    /// The ids sharing at least one bucket with `signature`, in increasing order (its own id included when inserted).
    public func query(_ signature: [UInt32]) -> [Int] {
        var found = Set<Int>()
        for (k, key) in Self.bandKeys(signature, bands: bands).enumerated() { found.formUnion(tables[k][key] ?? []) }
        return found.sorted()
    }

    // ANCHOR: candidates
    /// Every pair of inserted ids that share a bucket in some band, sorted.
    public func candidatePairs() -> [Pair] {
        var pairs = Set<Pair>()
        for table in tables {
            for ids in table.values where ids.count > 1 {
                for i in 0 ..< ids.count { for j in (i + 1) ..< ids.count { pairs.insert(Pair(ids[i], ids[j])) } }
            }
        }
        return pairs.sorted()
    }
    // ANCHOR_END: candidates

    /// The naive way, for checking: test every pair of signatures with ``isCandidate(_:_:bands:)``.
    public static func candidatePairsByComparingAll(_ signatures: [[UInt32]], bands: LSHBands) -> [Pair] {
        var pairs: [Pair] = []
        for i in signatures.indices {
            for j in signatures.indices where j > i && isCandidate(signatures[i], signatures[j], bands: bands) { pairs.append(Pair(i, j)) }
        }
        return pairs
    }
}
