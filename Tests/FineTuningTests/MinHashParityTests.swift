import Foundation
import Testing
@testable import FineTuning

/// `Fixtures/minhash.json`, written by `Scripts/fixtures/minhash_parity.py` from datasketch 2.0.0.
struct MinHashFixture: Decodable {
    struct Scheme: Decodable {
        struct PairEstimate: Decodable { let i: Int, j: Int, exact: Double, estimate: Double }
        struct Candidates: Decodable { let threshold: Double?, b: Int, r: Int, pairs: [[Int]] }
        let a: [UInt64], b: [UInt64]
        let signatures: [[UInt32]]
        let pairs: [PairEstimate]
        let lsh: [Candidates]
    }
    struct Choice: Decodable { let num_perm: Int, threshold: Double, b: Int, r: Int }
    struct Areas: Decodable { let threshold: Double, b: Int, r: Int, false_positive: Double, false_negative: Double }

    let num_perm: Int, k: Int
    let corpus: [String]
    let character_shingles: [[String]]
    let word_bigrams: [[String]]
    let hashes: [String: UInt32]
    let schemes: [String: Scheme]
    let lsh_index_params: [Choice]
    let lsh_params: [Choice]
    let lsh_areas: [Areas]

    static let shared: MinHashFixture = try! JSONDecoder().decode(MinHashFixture.self, from: Data(contentsOf: Fixtures.url("minhash.json")))

    func minHash(_ name: String) -> MinHash {
        MinHash(a: schemes[name]!.a, b: schemes[name]!.b, scheme: name == "legacy" ? .mersenne : .affine32)
    }
}

@Suite("MinHash and LSH against datasketch")
struct MinHashParityTests {
    let fixture = MinHashFixture.shared

    @Test func sha1MatchesTheStandardVectorsAndDatasketchsHash() {
        let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        // 56 bytes: the padding spills into a second block.
        #expect(hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        for (shingle, hash) in fixture.hashes { #expect(SHA1.hash32(shingle) == hash, "\(shingle)") }
    }

    @Test func shinglesAreTheFixtureScriptsSets() {
        for (i, text) in fixture.corpus.enumerated() {
            #expect(Shingles.characters(text, k: fixture.k) == Set(fixture.character_shingles[i]), "\(text)")
            #expect(Shingles.words(text, n: 2) == Set(fixture.word_bigrams[i]), "\(text)")
        }
    }

    @Test(arguments: ["legacy", "affine32"])
    func signaturesAreDatasketchsForItsParameters(_ scheme: String) {
        let minHash = fixture.minHash(scheme)
        #expect(minHash.numPerm == fixture.num_perm)
        for (i, shingles) in fixture.character_shingles.enumerated() {
            #expect(minHash.signature(of: Set(shingles)) == fixture.schemes[scheme]!.signatures[i], "text \(i): \(fixture.corpus[i])")
        }
        // The empty text: every slot keeps its starting value.
        #expect(minHash.signature(of: []) == [UInt32](repeating: .max, count: fixture.num_perm))
    }

    /// The estimate is a mean of `numPerm` coin flips that land "equal" with probability J, so it
    /// stays within three standard errors √(J(1 − J)/numPerm) of J — plus one step of 1/numPerm,
    /// since it can only take multiples of it (at J = 0 or 1 the error bound alone is 0).
    @Test(arguments: ["legacy", "affine32"])
    func estimatesAreDatasketchsAndWithinThreeStandardErrors(_ scheme: String) {
        let signatures = fixture.schemes[scheme]!.signatures
        let sets = fixture.character_shingles.map(Set.init)
        for p in fixture.schemes[scheme]!.pairs {
            let exact = MinHash.exactJaccard(sets[p.i], sets[p.j])
            let estimate = MinHash.estimatedJaccard(signatures[p.i], signatures[p.j])
            #expect(abs(exact - p.exact) < 1e-12)
            #expect(estimate == p.estimate, "(\(p.i), \(p.j))")
            let bound = 3 * MinHash.standardError(jaccard: exact, numPerm: fixture.num_perm) + 1 / Double(fixture.num_perm)
            #expect(abs(estimate - exact) <= bound, "(\(p.i), \(p.j)): estimate \(estimate), exact \(exact)")
        }
    }

    @Test func bandsChosenForAThresholdAreMinHashLSHs() {
        let wanted = [0.5: (25, 5), 0.7: (14, 9), 0.8: (9, 13), 0.9: (5, 25)]
        for choice in fixture.lsh_index_params {
            let bands = LSHBands.optimal(threshold: choice.threshold, numPerm: 128)
            #expect(bands == LSHBands(bands: choice.b, rows: choice.r), "threshold \(choice.threshold)")
            #expect(bands.bands == wanted[choice.threshold]?.0 && bands.rows == wanted[choice.threshold]?.1)
        }
        // A wider grid, including choices datasketch's optimizer makes within 10⁻⁷ of the runner-up.
        for choice in fixture.lsh_params {
            #expect(LSHBands.optimal(threshold: choice.threshold, numPerm: choice.num_perm) == LSHBands(bands: choice.b, rows: choice.r),
                    "threshold \(choice.threshold), numPerm \(choice.num_perm)")
        }
    }

    @Test func errorAreasAreScipysIntegrals() {
        for area in fixture.lsh_areas {
            let bands = LSHBands(bands: area.b, rows: area.r)
            #expect(abs(bands.falsePositiveArea(threshold: area.threshold) - area.false_positive) < 1e-12, "\(bands)")
            #expect(abs(bands.falseNegativeArea(threshold: area.threshold) - area.false_negative) < 1e-12, "\(bands)")
        }
    }

    /// Same signatures and the same (b, r), and buckets keyed by the whole band as datasketch
    /// keys them by its bytes: the candidate pairs are the same, with none missing or extra.
    @Test(arguments: ["legacy", "affine32"])
    func candidatePairsAreMinHashLSHs(_ scheme: String) {
        let signatures = fixture.schemes[scheme]!.signatures
        for expected in fixture.schemes[scheme]!.lsh {
            let bands = LSHBands(bands: expected.b, rows: expected.r)
            if let t = expected.threshold { #expect(LSHBands.optimal(threshold: t, numPerm: fixture.num_perm) == bands) }
            var index = MinHashLSH(bands: bands)
            for signature in signatures { index.insert(signature) }
            let pairs = index.candidatePairs().map { [$0.first, $0.second] }
            #expect(pairs == expected.pairs, "\(scheme), \(bands)")
            #expect(MinHashLSH.candidatePairsByComparingAll(signatures, bands: bands) == index.candidatePairs())
        }
    }
}
