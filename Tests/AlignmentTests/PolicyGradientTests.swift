import Foundation
import Testing
import Autograd
import Tensors
@testable import Alignment

/// The REINFORCE estimate and the KL penalty on a case small enough to solve by hand: a policy
/// over three answers, `π = softmax(θ)`, with a fixed reward per answer.
@Suite("Policy gradient and KL penalty against analytic values")
struct PolicyGradientTests {
    let theta: [Double] = [0.3, -0.2, 0.5]
    let rewards: [Double] = [1.0, 0.0, -0.5]
    let referenceTheta: [Double] = [0.0, 0.0, 0.0]

    static func softmax(_ x: [Double]) -> [Double] {
        let top = x.max()!
        let e = x.map { Foundation.exp($0 - top) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// Draws `count` answers from `p` with a seeded generator.
    static func sample(_ p: [Double], count: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var u = rng.nextUniformDouble()
            for (i, pi) in p.enumerated() { u -= pi; if u <= 0 { return i } }
            return p.count - 1
        }
    }

    /// `∂/∂θ` of the REINFORCE loss over the samples, through the real log-probability code:
    /// every sample is a one-token "response" whose logits are θ.
    func estimatedGradient(samples: [Int], advantages: [Double]) -> [Double] {
        let n = samples.count, v = theta.count
        let logits = Variable(Tensor(shape: [n, 1, v], scalars: (0..<n).flatMap { _ in theta.map(Float.init) }), requiresGrad: true)
        let logps = summedTargetLogProbabilities(logits, targets: samples)
        PolicyGradient.reinforceLoss(logProbabilities: logps, advantages: advantages).backward()
        let grad = logits.grad!.scalars
        // θ is shared by every row: its gradient is the sum of the rows'.
        return (0..<v).map { j in (0..<n).reduce(0.0) { $0 + Double(grad[$1 * v + j]) } }
    }

    @Test func reinforceLossGradientIsMinusAdvantageOverN() {
        let values: [Float] = [-1, -2, -0.5, -3]
        let logps = Variable(Tensor(values), requiresGrad: true)
        let advantages: [Double] = [0.5, -1.0, 2.0, 0.0]
        let loss = PolicyGradient.reinforceLoss(logProbabilities: logps, advantages: advantages)
        // −(1/4)·(0.5·(−1) + (−1)·(−2) + 2·(−0.5) + 0·(−3)) = −(1/4)·0.5 = −0.125
        let expected: Double = -0.125
        #expect(abs(Double(loss.value.scalar) - expected) < 1e-6)
        loss.backward()
        let gradient = logps.grad!.scalars.map(Double.init)
        for i in 0..<4 { #expect(abs(gradient[i] + advantages[i] / 4) < 1e-7) }
    }

    @Test func leaveOneOutBaselineExcludesTheSampleItself() {
        let advantages = PolicyGradient.leaveOneOutAdvantages([1, 2, 3, 10, 10, 40], groupSize: 3)
        // Each sample minus the mean of the other two in its group of three.
        let expected: [Double] = [-1.5, 0, 1.5, -15, -15, 30]
        for i in 0..<6 { #expect(abs(advantages[i] - expected[i]) < 1e-12) }
        #expect(PolicyGradient.leaveOneOutAdvantages([3, 4], groupSize: 1) == [0, 0])
    }

    /// `∇_θ E[r] = p ⊙ (r − E[r])`; minimizing the loss must step along it, so the loss gradient is its negative.
    @Test(arguments: ["no baseline", "constant baseline", "leave-one-out"])
    func estimateMatchesTheAnalyticGradient(baseline: String) {
        let p = Self.softmax(theta)
        let meanReward = zip(p, rewards).reduce(0) { $0 + $1.0 * $1.1 }
        let analytic = (0..<3).map { p[$0] * (rewards[$0] - meanReward) }
        let samples = Self.sample(p, count: 100_000, seed: 7)
        let sampled = samples.map { rewards[$0] }
        let advantages: [Double] = switch baseline {
        case "no baseline": sampled
        case "constant baseline": sampled.map { $0 - 0.7 }   // any constant leaves the expectation alone
        default: PolicyGradient.leaveOneOutAdvantages(sampled, groupSize: 4)
        }
        let gradient = estimatedGradient(samples: samples, advantages: advantages)
        for j in 0..<3 {
            #expect(abs(-gradient[j] - analytic[j]) < 0.012, "component \(j): estimate \(-gradient[j]), analytic \(analytic[j])")
            #expect((-gradient[j] > 0) == (analytic[j] > 0), "the step must raise the answers better than average")
        }
    }

    @Test func klPenaltyIsBetaTimesLogRatioAndAveragesToTheKL() {
        #expect(PolicyGradient.klPenalty(policy: -1.25, reference: -2.0, coefficient: 0.2) == 0.2 * 0.75)
        let p = Self.softmax(theta), q = Self.softmax(referenceTheta)
        let direct = (0..<3).reduce(0.0) { $0 + p[$1] * Foundation.log(p[$1] / q[$1]) }
        let samples = Self.sample(p, count: 40_000, seed: 11)
        let beta = 0.5
        let estimate = samples.reduce(0.0) {
            $0 + PolicyGradient.klPenalty(policy: Foundation.log(p[$1]), reference: Foundation.log(q[$1]), coefficient: beta)
        } / Double(samples.count)
        #expect(direct > 0)
        #expect(abs(estimate - beta * direct) < 0.005, "Monte-Carlo \(estimate) vs β·KL \(beta * direct)")
    }
}
