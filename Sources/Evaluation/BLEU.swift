import Foundation

/// BLEU (Papineni et al., 2002) as sacrebleu computes it: clipped n-gram precisions for
/// n = 1…4, their geometric mean, times a brevity penalty.
///
///     pₙ  = Σ min(count(g), max over references of refcount(g)) / Σ count(g)   (g: n-grams)
///     BP  = 1 if c ≥ r, else exp(1 − r/c)      c: output length, r: closest reference length
///     BLEU = 100 · BP · exp(¼ Σₙ log pₙ)
///
/// At corpus level the counts are summed over all sentences before dividing, so BLEU is not
/// the mean of sentence BLEUs. A precision with no match is smoothed the way `mteval` does
/// ("exp": the k-th zero becomes 1 / (2ᵏ · total)), so one missing 4-gram does not zero a
/// whole corpus.
///
///     let score = BLEU.corpus(hypotheses: ["the cat sat"], references: [["the cat sat down"]])
///     score.score   // 0–100
public enum BLEU {
    public static let maxOrder = 4

    /// The sufficient statistics of one or many sentences: they add up over a corpus.
    public struct Statistics: Sendable, Equatable {
        public var matches = [Int](repeating: 0, count: BLEU.maxOrder)
        public var totals = [Int](repeating: 0, count: BLEU.maxOrder)
        public var hypothesisLength = 0
        public var referenceLength = 0

        public init() {}

        public static func + (a: Statistics, b: Statistics) -> Statistics {
            var sum = a
            for n in 0..<BLEU.maxOrder { sum.matches[n] += b.matches[n]; sum.totals[n] += b.totals[n] }
            sum.hypothesisLength += b.hypothesisLength
            sum.referenceLength += b.referenceLength
            return sum
        }
    }

    public struct Score: Sendable, Equatable {
        public let score: Double                  // 0–100
        public let precisions: [Double]           // pₙ in percent, after smoothing
        public let brevityPenalty: Double
        public let statistics: Statistics
    }

    // ANCHOR: clipped
    /// Clipped matches and totals for one output against its references (already tokenized).
    public static func statistics(hypothesis: [String], references: [[String]]) -> Statistics {
        var stats = Statistics()
        // The most times each n-gram occurs in any single reference: the clip.
        var clip: [[String]: Int] = [:]
        for reference in references {
            for (gram, count) in NGrams.counts(reference, maxOrder: maxOrder) { clip[gram] = max(clip[gram] ?? 0, count) }
        }
        for (gram, count) in NGrams.counts(hypothesis, maxOrder: maxOrder) {
            stats.totals[gram.count - 1] += count
            stats.matches[gram.count - 1] += min(count, clip[gram] ?? 0)
        }
        stats.hypothesisLength = hypothesis.count
        stats.referenceLength = closestLength(to: hypothesis.count, among: references.map(\.count))
        return stats
    }

    /// The reference length nearest the output's; on a tie, the shorter one.
    static func closestLength(to length: Int, among lengths: [Int]) -> Int {
        lengths.min { (abs($0 - length), $0) < (abs($1 - length), $1) } ?? 0
    }
    // ANCHOR_END: clipped

    // ANCHOR: score
    /// BLEU from summed statistics. `effectiveOrder` (for single sentences) averages only the
    /// orders the output is long enough to have, as sacrebleu's sentence BLEU does.
    public static func score(_ stats: Statistics, effectiveOrder: Bool = false) -> Score {
        let c = Double(stats.hypothesisLength), r = Double(stats.referenceLength)
        let brevity = c >= r ? 1 : (c > 0 ? exp(1 - r / c) : 0)
        var precisions = [Double](repeating: 0, count: maxOrder)
        guard stats.matches.contains(where: { $0 > 0 }) else {
            return Score(score: 0, precisions: precisions, brevityPenalty: brevity, statistics: stats)
        }
        var order = maxOrder, zeros = 1.0
        for n in 0..<maxOrder {
            guard stats.totals[n] > 0 else { break }
            if effectiveOrder { order = n + 1 }
            if stats.matches[n] == 0 {
                zeros *= 2                                     // mteval's "exp" smoothing
                precisions[n] = 100 / (zeros * Double(stats.totals[n]))
            } else {
                precisions[n] = 100 * Double(stats.matches[n]) / Double(stats.totals[n])
            }
        }
        // log 0 stands in as a huge negative number, so an unsmoothable gap gives 0.
        let logMean = precisions[..<order].map { $0 > 0 ? log($0) : -9_999_999_999 }.reduce(0, +) / Double(order)
        return Score(score: brevity * exp(logMean), precisions: precisions, brevityPenalty: brevity, statistics: stats)
    }
    // ANCHOR_END: score

    /// Corpus BLEU: `references[i]` holds every reference for `hypotheses[i]`.
    public static func corpus(hypotheses: [String], references: [[String]]) -> Score {
        precondition(hypotheses.count == references.count, "one list of references per output")
        let total = zip(hypotheses, references).reduce(Statistics()) { sum, pair in
            sum + statistics(hypothesis: BLEUTokenizer.tokens(pair.0), references: pair.1.map(BLEUTokenizer.tokens))
        }
        return score(total)
    }

    /// Sentence BLEU, as sacrebleu's `sentence_score` with `effective_order=True`.
    public static func sentence(_ hypothesis: String, references: [String]) -> Score {
        score(statistics(hypothesis: BLEUTokenizer.tokens(hypothesis), references: references.map(BLEUTokenizer.tokens)),
              effectiveOrder: true)
    }
}
