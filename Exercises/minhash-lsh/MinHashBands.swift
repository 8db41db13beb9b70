import Foundation
import LLMCourseKit

/// The MinHash signature of a set, given its shingles' 32-bit hashes and the parameters of
/// `a.count` permutations. Slot `i` is the smallest value of
///
///     h_i(x) = (a[i]·x + b[i]) mod p,   p = 2^61 − 1,
///
/// over every hash `x` in the set, keeping the low 32 bits. `a[i]·x + b[i]` is computed in
/// 64-bit arithmetic that wraps around (as numpy's uint64 does), before the `mod p`.
/// An empty set leaves every slot at `UInt32.max`.
func minHashSignature(hashes: [UInt32], a: [UInt64], b: [UInt64]) -> [UInt32] {
    // TODO: start every slot at UInt32.max; for each hash and each slot, keep the smaller value.
    return []
}

/// The LSH bucket keys of a signature: `bands` bands of `rows` slots, band `k` being
/// slots `k·rows ..< (k + 1)·rows`. Slots past `bands·rows` are not used.
func bandKeys(signature: [UInt32], bands: Int, rows: Int) -> [[UInt32]] {
    // TODO: one array of `rows` values per band.
    return []
}

/// Whether two signatures are an LSH candidate pair: some band agrees in all its rows.
func isCandidate(_ x: [UInt32], _ y: [UInt32], bands: Int, rows: Int) -> Bool {
    // TODO: compare the band keys of x and y band by band.
    return false
}

/// The S-curve: the probability that two sets of Jaccard similarity `s` become candidates,
/// 1 − (1 − s^rows)^bands.
func candidateProbability(similarity s: Double, bands: Int, rows: Int) -> Double {
    // TODO: a band agrees with probability s^rows; no band agrees with probability (1 − s^rows)^bands.
    return 0
}
