import Foundation
import Tensors
import Testing
@testable import Decoding

/// Sampled frequencies against the distributions they should follow (chi-square, α = 0.001,
/// fixed seeds and sample counts, so every run draws the same numbers).
@Suite("Sampling follows the processed distribution")
struct StatisticalTests {
    /// Draws `count` tokens from `p` and returns the chi-square statistic and degrees of freedom.
    static func chiSquare(_ p: [Double], count: Int, seed: UInt64) -> (statistic: Double, degrees: Int, filteredDraws: Int) {
        var rng = SplitMix64(seed: seed)
        var observed = [Int](repeating: 0, count: p.count)
        for _ in 0..<count { observed[Probabilities.sample(p, using: &rng)] += 1 }
        let support = p.indices.filter { p[$0] > 0 }
        let filtered = p.indices.filter { p[$0] == 0 }.map { observed[$0] }.reduce(0, +)
        return (ChiSquare.statistic(observed: observed, expected: p), support.count - 1, filtered)
    }

    @Test func sampledTokensFollowTheProcessedDistribution() throws {
        let json = try Fixtures.sampling()
        let scores = (json["scores"] as! [[Double]])[0].map(Float.init)
        let pipelines = [LogitsPipeline([Temperature(0.8), TopK(10), TopP(0.9)]), LogitsPipeline([TopK(6)]),
                         LogitsPipeline([Temperature(1.5), MinP(0.1)])]
        for (i, pipeline) in pipelines.enumerated() {
            let p = Probabilities.softmax(pipeline(scores))
            let result = Self.chiSquare(p, count: 20_000, seed: 1000 + UInt64(i))
            let critical = try #require(ChiSquare.critical001[result.degrees], "no critical value for \(result.degrees) degrees")
            #expect(result.filteredDraws == 0, "\(pipeline.label): drew a filtered token")
            print("χ² \(pipeline.label): \(result.statistic) (df \(result.degrees), critical \(critical))")
            #expect(result.statistic < critical, "\(pipeline.label): χ² = \(result.statistic), df \(result.degrees), critical \(critical)")
        }
    }

    /// Speculative sampling with a toy draft and target (random bigram tables over 6 tokens):
    /// the first two generated tokens, over 30,000 seeded runs, follow the target's joint
    /// distribution `p(a | prompt)·p(b | a)` (36 cells, 35 degrees of freedom).
    @Test func speculativeSamplingFollowsTheTarget() throws {
        let target = TableModel.random(vocabulary: 6, seed: 11, spread: 1.2)
        let draft = TableModel.random(vocabulary: 6, seed: 12, spread: 1.2)
        let pipeline = LogitsPipeline([Temperature(0.9)])
        var observed = [Int](repeating: 0, count: 36)
        var stats = SpeculativeStatistics()
        for run in 0..<30_000 {
            let config = SpeculativeConfig(lookahead: 3, maxNewTokens: 3, sampling: true, pipeline: pipeline, seed: UInt64(run))
            let (out, s) = speculativeGenerate(target: target, draft: draft, prompt: [2], config: config)
            observed[out.newTokens[0] * 6 + out.newTokens[1]] += 1
            stats.drafted += s.drafted
            stats.accepted += s.accepted
        }
        let first = Probabilities.softmax(pipeline(target.table[2]))
        let expected = (0..<36).map { first[$0 / 6] * Probabilities.softmax(pipeline(target.table[$0 / 6]))[$0 % 6] }
        let statistic = ChiSquare.statistic(observed: observed, expected: expected)
        print("χ² speculative joint of two tokens: \(statistic) (df 35, critical 66.619), acceptance \(stats.acceptanceRate)")
        #expect(statistic < ChiSquare.critical001[35]!, "χ² = \(statistic) over 35 degrees of freedom")
        // The draft disagrees with the target often, so the rule is really exercised.
        #expect(stats.acceptanceRate > 0.2 && stats.acceptanceRate < 0.9, "acceptance \(stats.acceptanceRate)")
        // The same test would catch a sampler that ignored the target: the draft's own joint is far off.
        let draftFirst = Probabilities.softmax(pipeline(draft.table[2]))
        let draftJoint = (0..<36).map { draftFirst[$0 / 6] * Probabilities.softmax(pipeline(draft.table[$0 / 6]))[$0 % 6] }
        #expect(ChiSquare.statistic(observed: observed, expected: draftJoint) > ChiSquare.critical001[35]!)
    }

    /// The rule's output distribution, computed exactly: `q(y)·a(y) + P(reject)·r(y) = p(y)`.
    @Test func acceptanceRuleLeavesTheTargetUnchanged() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let p = Probabilities.softmax((0..<7).map { _ in 2 * rng.nextNormal() })
            let q = Probabilities.softmax((0..<7).map { _ in 2 * rng.nextNormal() })
            let residual = SpeculativeRule.residual(target: p, draft: q)
            let rejection = (0..<7).map { q[$0] * (1 - SpeculativeRule.acceptanceProbability(token: $0, target: p, draft: q)) }
                .reduce(0, +)
            for y in 0..<7 {
                let out = q[y] * SpeculativeRule.acceptanceProbability(token: y, target: p, draft: q) + rejection * residual[y]
                #expect(abs(out - p[y]) < 1e-12)
            }
        }
    }

    @Test func samplingIsReproducibleBySeed() throws {
        let model = try Fixtures.model("gpt2-tiny")
        let config = GenerationConfig(maxNewTokens: 12, sampling: true, temperature: 0.9, topP: 0.95, seed: 7)
        let a = generate(model, prompt: [84, 298], config: config).tokens
        #expect(a == generate(model, prompt: [84, 298], config: config).tokens)
        var other = config
        other.seed = 8
        #expect(a != generate(model, prompt: [84, 298], config: other).tokens)
    }
}
