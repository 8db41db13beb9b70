import Foundation
import Testing
import Tensors
@testable import Security

@Suite struct SpectralSignatureTests {
    struct Case {
        let name: String
        let representations: [[Double]]
        let planted: [Int]
        let scores: [Double]
    }

    /// Cases written by Scripts/fixtures/spectral_signature.py with numpy's SVD.
    static func fixture() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/spectral_signature.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (json["cases"] as! [[String: Any]]).map { c in
            Case(name: c["name"] as! String, representations: c["representations"] as! [[Double]],
                 planted: c["planted"] as! [Int], scores: c["scores"] as! [Double])
        }
    }

    @Test func scoresMatchNumpysSVD() throws {
        let cases = try Self.fixture()
        #expect(cases.count == 5)
        for c in cases {
            let scores = SpectralSignature.scores(c.representations)
            #expect(scores.count == c.scores.count)
            let worst = zip(scores, c.scores).map { abs($0 - $1) }.max()!
            #expect(worst < 1e-4, "\(c.name): max |error| \(worst)")
        }
    }

    @Test func plantedOutliersInTheFixtureScoreHighest() throws {
        for c in try Self.fixture() where !c.planted.isEmpty {
            let scores = SpectralSignature.scores(c.representations)
            #expect(SpectralSignature.flagged(scores, count: c.planted.count) == c.planted, "\(c.name)")
        }
    }

    @Test func aHandWorkedCase() {
        // Two clusters on the x axis: centered rows (−2, 0), (−2, 0), (2, 1), (2, −1).
        // Mᵀ·M = [[16, 0], [0, 2]], so v = ±(1, 0) and the scores are the squared x's: 4 each.
        let r: [[Double]] = [[-1, 0], [-1, 0], [3, 1], [3, -1]]
        let v = SpectralSignature.topRightSingularVector(r.map { [$0[0] - 1, $0[1]] })
        #expect(abs(abs(v[0]) - 1) < 1e-12 && abs(v[1]) < 1e-12)
        #expect(SpectralSignature.scores(r).allSatisfy { abs($0 - 4) < 1e-12 })
    }

    @Test func scoresIgnoreTheMeanAndTheSignOfTheDirection() {
        var rng = SplitMix64(seed: 5)
        let r = (0..<20).map { _ in (0..<6).map { _ in rng.nextUniformDouble() * 2 - 1 } }
        let shifted = r.map { $0.map { $0 + 10 } }
        let mirrored = r.map { $0.map { -$0 } }
        let base = SpectralSignature.scores(r)
        for other in [SpectralSignature.scores(shifted), SpectralSignature.scores(mirrored)] {
            #expect(zip(base, other).allSatisfy { abs($0 - $1) < 1e-9 })
        }
    }

    @Test func findsPlantedOutliersInEachGroup() {
        // Two groups of 100 rows in 32 dimensions, 4 of each shifted by 10 along its own hidden direction
        // (4·10² = 400 of variance, above the ≈ (√100 + √32)² ≈ 250 the top direction of pure noise has).
        var rng = SplitMix64(seed: 9)
        func normals(_ d: Int) -> [Double] { (0..<d).map { _ in Double(rng.nextNormal()) } }
        var rows: [[Double]] = [], groups: [String] = [], planted: [Int] = []
        for group in ["reverse", "sum"] {
            let direction = SpectralSignature.normalized(normals(32))
            for i in 0..<100 {
                var row = normals(32)
                if i % 25 == 3 {
                    row = zip(row, direction).map { $0 + 10 * $1 }
                    planted.append(rows.count)
                }
                rows.append(row)
                groups.append(group)
            }
        }
        // ε = 0.04 → 1.5·ε·100 = 6 removed per group: all 4 planted rows and 2 clean ones.
        #expect(SpectralSignature.removalCount(n: 100, epsilon: 0.04) == 6)
        let removed = SpectralSignature.filter(rows, groups: groups, epsilon: 0.04)
        #expect(removed.count == 12)
        #expect(Set(planted).isSubset(of: Set(removed)), "removed \(removed), planted \(planted)")
    }

    @Test func flaggedTakesTheLargestScoresAndKeepsTheLowerIndexOnTies() {
        #expect(SpectralSignature.flagged([0.1, 5, 3, 5, 0], count: 2) == [1, 3])
        #expect(SpectralSignature.flagged([1, 1, 1], count: 2) == [0, 1])
        #expect(SpectralSignature.flagged([1, 2], count: 0) == [])
        #expect(SpectralSignature.removalCount(n: 130, epsilon: 0.03) == 6)  // 5.85 rounds to 6
    }
}

@Suite struct ActivationClusteringTests {
    /// 120 rows in 16 dimensions, the rows in `planted` shifted by 8 along one direction.
    static func rows(planted: Set<Int>, seed: UInt64) -> [[Double]] {
        var rng = SplitMix64(seed: seed)
        let direction = SpectralSignature.normalized((0..<16).map { _ in Double(rng.nextNormal()) })
        return (0..<120).map { i in
            let row = (0..<16).map { _ in Double(rng.nextNormal()) }
            return planted.contains(i) ? zip(row, direction).map { $0 + 8 * $1 } : row
        }
    }

    @Test func theSmallSeparateClusterIsSuspected() {
        let planted: Set<Int> = [4, 17, 33, 58, 71, 90, 111]
        #expect(ActivationClustering.suspects(Self.rows(planted: planted, seed: 3)) == planted.sorted())
    }

    @Test func aCleanCloudSplitsInHalvesAndNothingIsSuspected() {
        #expect(ActivationClustering.suspects(Self.rows(planted: [], seed: 4)).isEmpty)
    }

    @Test func twoMeansSeparatesTwoObviousGroups() {
        let points: [[Double]] = [[0, 0], [0.1, 0], [0, 0.2], [5, 5], [5.1, 4.9]]
        let labels = ActivationClustering.twoMeans(points)
        #expect(labels[0] == labels[1] && labels[1] == labels[2] && labels[3] == labels[4] && labels[0] != labels[3])
    }

    @Test func projectionsAreUncorrelatedAndOrderedBySpread() {
        let p = ActivationClustering.project(Self.rows(planted: [1, 2, 3, 4, 5, 6], seed: 5), dimensions: 3)
        let spread = (0..<3).map { j in p.reduce(0) { $0 + $1[j] * $1[j] } }
        #expect(spread[0] >= spread[1] && spread[1] >= spread[2])
        let cross = p.reduce(0) { $0 + $1[0] * $1[1] }
        #expect(abs(cross) < 1e-6 * spread[0])
    }
}
