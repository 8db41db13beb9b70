import Foundation
import Testing
import Tensors
@testable import FineTuning

@Suite("MinHash, LSH and near-duplicate removal")
struct NearDuplicatesTests {
    @Test func mersenneReductionIsTheRemainder() {
        var rng = SplitMix64(seed: 11)
        for x in [0, 1, MinHash.mersennePrime - 1, MinHash.mersennePrime, MinHash.mersennePrime + 1, UInt64.max] + (0..<1000).map({ _ in rng.next() }) {
            #expect(MinHash.modMersenne(x) == x % MinHash.mersennePrime, "\(x)")
        }
    }

    /// Sets with a known overlap: |A ∩ B| = 60 of |A ∪ B| = 100 gives J = 0.6, and so on. The
    /// permutations are our own (seeded), not datasketch's.
    @Test(arguments: [MinHash.Scheme.mersenne, .affine32])
    func estimatesStayWithinThreeStandardErrorsOfKnownJaccards(_ scheme: MinHash.Scheme) {
        let minHash = MinHash(numPerm: 256, seed: 7, scheme: scheme)
        for shared in [0, 10, 30, 60, 90, 100] {
            let a = Set((0..<100).map { "w\($0)" })
            let b = Set((0..<shared).map { "w\($0)" } + (0..<(100 - shared)).map { "v\($0)" })
            let exact = MinHash.exactJaccard(a, b)
            #expect(abs(exact - Double(shared) / Double(200 - shared)) < 1e-12)
            let estimate = MinHash.estimatedJaccard(minHash.signature(of: a), minHash.signature(of: b))
            let bound = 3 * MinHash.standardError(jaccard: exact, numPerm: 256) + 1.0 / 256
            #expect(abs(estimate - exact) <= bound, "\(scheme): J = \(exact), estimate \(estimate)")
        }
    }

    /// The example in MinHash's documentation: a typo leaves J = 17/27 of the 4-character shingles.
    @Test func documentedTypoExample() {
        let minHash = MinHash(numPerm: 128, seed: 1)
        let a = Shingles.characters("Reverse the word cat. tac", k: 4), b = Shingles.characters("Reverse teh word cat. tac", k: 4)
        #expect(MinHash.exactJaccard(a, b) == 17.0 / 27)
        let estimate = MinHash.estimatedJaccard(minHash.signature(of: a), minHash.signature(of: b))
        #expect(abs(estimate - 17.0 / 27) <= 3 * MinHash.standardError(jaccard: 17.0 / 27, numPerm: 128), "estimate \(estimate)")
        #expect(Shingles.characters("Reverse the word cat.", k: 4).count == 18)
        #expect(Shingles.words("Reverse the word cat.", n: 2) == ["reverse the", "the word", "word cat."])
    }

    @Test func signatureIgnoresOrderAndRepeats() {
        let minHash = MinHash(numPerm: 32, seed: 3)
        let hashes: [UInt32] = [5, 17, 99, 1 << 31, .max]
        #expect(minHash.signature(ofHashes: hashes) == minHash.signature(ofHashes: hashes.reversed() + hashes))
    }

    @Test func gaussLegendreIsExactForPolynomialsUpToDegree2nMinus1() {
        let rule = GaussLegendre(points: 5)
        #expect(abs(rule.weights.reduce(0, +) - 2) < 1e-14)
        for degree in 0...9 {
            let integral = rule.integrate(from: 0.2, to: 0.9) { pow($0, Double(degree)) }
            let exact = (pow(0.9, Double(degree + 1)) - pow(0.2, Double(degree + 1))) / Double(degree + 1)
            #expect(abs(integral - exact) < 1e-14, "degree \(degree)")
        }
    }

    @Test func sCurveWorkedExample() {
        // b = 20 bands of r = 5: at s = 0.8 a band agrees with probability 0.8⁵ = 0.32768, and
        // some band of 20 with 1 − 0.67232²⁰ ≈ 0.99965 (Mining of Massive Datasets, ch. 3.4).
        let bands = LSHBands(bands: 20, rows: 5)
        #expect(abs(bands.candidateProbability(0.8) - (1 - pow(1 - 0.32768, 20))) < 1e-15)
        #expect(abs(bands.candidateProbability(0.8) - 0.99965) < 1e-5)
        #expect(abs(bands.candidateProbability(0.3) - 0.0475) < 1e-4)
        #expect(bands.candidateProbability(0) == 0 && bands.candidateProbability(1) == 1)
        #expect(abs(bands.steepestSimilarity - pow(0.05, 0.2)) < 1e-15)
    }

    @Test func bandKeysCutTheSignatureInOrderAndQueryFindsSharedBuckets() {
        let bands = LSHBands(bands: 3, rows: 2)
        #expect(MinHashLSH.bandKeys([1, 2, 3, 4, 5, 6, 7], bands: bands) == [[1, 2], [3, 4], [5, 6]])
        var index = MinHashLSH(bands: bands)
        index.insert([1, 2, 3, 4, 5, 6])
        index.insert([9, 2, 3, 4, 9, 9])     // shares band 1
        index.insert([1, 9, 9, 4, 5, 9])     // shares no whole band
        #expect(index.query([1, 2, 0, 0, 0, 0]) == [0])
        #expect(index.query([0, 0, 3, 4, 0, 0]) == [0, 1])
        #expect(index.candidatePairs() == [MinHashLSH.Pair(0, 1)])
        #expect(!MinHashLSH.isCandidate([1, 2, 3, 4, 5, 6], [1, 9, 9, 4, 5, 9], bands: bands))
    }

    static let texts = [
        "Reverse the word cat. tac",                 // 0 kept
        "Reverse the word cat, please. tac",         // 1 ≈ 0
        "Reverse teh word cat. tac",                 // 2 ≈ 0 (a typo)
        "REVERSE  the word   cat. tac",              // 3 = 0 after normalizing
        "Write cat backwards. tac",                  // 4 a rephrasing: kept
        "Write lamp in capitals. LAMP",              // 5 kept
        "Please write lamp in capitals. LAMP",       // 6 ≈ 5
        "What is 3 plus 5? 8",                       // 7 kept
    ]

    @Test func removesTyposAndExtraWordsButKeepsRephrasings() {
        let step = NearDuplicates(threshold: 0.55, shingles: .characters(4))
        let report = step.run(Self.texts)
        #expect(report.kept == [0, 4, 5, 7])
        #expect(report.removed.map(\.index) == [1, 2, 3, 6])
        #expect(report.removed.map(\.keptIndex) == [0, 0, 0, 5])
        #expect(report.removed[2].jaccard == 1)
        for removal in report.removed { #expect(removal.jaccard >= 0.55) }
        // The slow reference compares all 28 pairs and finds the same.
        let reference = step.runComparingAllPairs(Self.texts)
        #expect(reference.comparedPairs == 28 && reference.candidates == nil)
        #expect(reference.kept == report.kept && reference.removed == report.removed)
        #expect(report.comparedPairs < 28)
    }

    /// A ≈ B and B ≈ C but A ≉ C: B goes (it resembles A), and C stays, because the text it
    /// resembles was removed and it resembles no kept text.
    @Test func aChainKeepsItsEndsWhenTheyDiffer() {
        let similar = [NearDuplicates.SimilarPair(pair: .init(0, 1), jaccard: 0.8), .init(pair: .init(1, 2), jaccard: 0.8)]
        let (kept, removed) = NearDuplicates.keepFirst(count: 3, similar: similar)
        #expect(kept == [0, 2])
        #expect(removed == [NearDuplicates.Removal(index: 1, keptIndex: 0, jaccard: 0.8)])
    }

    @Test func allSimilarPairsAgreesWithSetJaccard() {
        let sets = Self.texts.map { Shingles.characters($0, k: 3) } + [[], []]
        let found = NearDuplicates.allSimilarPairs(sets, threshold: 0.3)
        var expected: [NearDuplicates.SimilarPair] = []
        for i in sets.indices { for j in sets.indices where j > i {
            let jaccard = MinHash.exactJaccard(sets[i], sets[j])
            if jaccard >= 0.3 { expected.append(.init(pair: .init(i, j), jaccard: jaccard)) }
        } }
        #expect(found == expected)
    }
}
