import Foundation

/// How LSH cuts a MinHash signature: `bands` bands of `rows` slots each (`b·r ≤ numPerm`;
/// slots past `b·r` are not used).
///
/// Two texts become *candidates* when all `r` slots of at least one band agree. For texts of
/// Jaccard similarity `s` a slot agrees with probability `s`, a band with `s^r`, so
///
///     P(candidate | s) = 1 − (1 − s^r)^b.
///
/// As a function of `s` this is an S-curve: near 0 for dissimilar texts, near 1 for similar
/// ones, steepest around `(1/b)^(1/r)`. More rows push the step right (stricter); more bands
/// push it left (more forgiving). Leskovec, Rajaraman and Ullman, *Mining of Massive
/// Datasets*, ch. 3.4.
///
/// ``optimal(threshold:numPerm:falsePositiveWeight:falseNegativeWeight:)`` chooses `(b, r)`
/// for a similarity threshold `t` as datasketch's `MinHashLSH` does: among all `b·r ≤ numPerm`,
/// the one with the least weighted sum of the two error areas
///
///     false positives  ∫_0^t P(candidate | s) ds        (pairs below t that become candidates)
///     false negatives  ∫_t^1 1 − P(candidate | s) ds    (pairs above t that do not).
///
/// ```swift
/// let bands = LSHBands.optimal(threshold: 0.8, numPerm: 128)   // 9 bands of 13 rows
/// bands.candidateProbability(0.9)                              // 0.93
/// bands.candidateProbability(0.5)                              // 0.001
/// ```
public struct LSHBands: Sendable, Equatable, CustomStringConvertible {
    public let bands: Int
    public let rows: Int

    public init(bands: Int, rows: Int) {
        precondition(bands >= 1 && rows >= 1, "LSH needs at least one band of at least one row (got b = \(bands), r = \(rows))")
        self.bands = bands
        self.rows = rows
    }

    public var description: String { "b = \(bands), r = \(rows)" }

    // ANCHOR: s-curve
    /// The chance that two texts of Jaccard similarity `s` share at least one band: 1 − (1 − s^r)^b.
    public func candidateProbability(_ s: Double) -> Double {
        1 - pow(1 - pow(s, Double(rows)), Double(bands))
    }

    /// Where the S-curve rises fastest, roughly the similarity these bands are tuned for: (1/b)^(1/r).
    public var steepestSimilarity: Double { pow(1 / Double(bands), 1 / Double(rows)) }
    // ANCHOR_END: s-curve

    /// The area under the S-curve below the threshold: how much of it lets dissimilar pairs through.
    public func falsePositiveArea(threshold t: Double, rule: GaussLegendre? = nil) -> Double {
        (rule ?? defaultRule).integrate(from: 0, to: t) { candidateProbability($0) }
    }

    /// The area above the S-curve past the threshold: how much of it misses similar pairs.
    public func falseNegativeArea(threshold t: Double, rule: GaussLegendre? = nil) -> Double {
        (rule ?? defaultRule).integrate(from: t, to: 1) { 1 - candidateProbability($0) }
    }

    /// A rule exact for these bands' polynomials (degree b·r).
    private var defaultRule: GaussLegendre { GaussLegendre(points: bands * rows / 2 + 1) }

    // ANCHOR: optimal
    /// The `(b, r)` with `b·r ≤ numPerm` minimizing `wFP·falsePositiveArea + wFN·falseNegativeArea`
    /// at `threshold`, searched over every `b` and then every `r` (the first minimum wins, as in datasketch).
    public static func optimal(threshold: Double, numPerm: Int,
                               falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5) -> LSHBands {
        precondition((0...1).contains(threshold), "the threshold is a Jaccard similarity, in [0, 1] (got \(threshold))")
        precondition(numPerm >= 1, "need at least one permutation")
        let rule = GaussLegendre(points: numPerm / 2 + 1)   // exact for every b·r ≤ numPerm
        var best = LSHBands(bands: 1, rows: 1), leastError = Double.infinity
        for b in 1...numPerm {
            for r in 1...(numPerm / b) {
                let candidate = LSHBands(bands: b, rows: r)
                let error = falsePositiveWeight * candidate.falsePositiveArea(threshold: threshold, rule: rule)
                    + falseNegativeWeight * candidate.falseNegativeArea(threshold: threshold, rule: rule)
                if error < leastError { (best, leastError) = (candidate, error) }
            }
        }
        return best
    }
    // ANCHOR_END: optimal
}
