import Foundation
import ModelTools
import Tensors
import Testing

/// Each merge formula on numbers small enough to work out by hand.
@Suite("Merging formulas")
struct TensorMergeTests {
    @Test func linearIsTheWeightedMean() {
        #expect(TensorMerge.linear([[1, 2], [3, 4]], weights: [1, 3]) == [2.5, 3.5])
    }

    @Test func slerpFollowsTheCircleBetweenOrthogonalVectors() {
        let a: [Float] = [1, 0], b: [Float] = [0, 1]
        let half = TensorMerge.slerp(a, b, t: 0.5)
        #expect(abs(half[0] - Float(0.5).squareRoot()) < 1e-6 && abs(half[1] - Float(0.5).squareRoot()) < 1e-6)
        #expect(TensorMerge.slerp(a, b, t: 0).map { abs($0) < 1e-6 ? 0 : $0 } == a)
        for t: Float in [0.1, 0.3, 0.7] {
            let point = TensorMerge.slerp(a, b, t: t)
            // On the unit circle (a straight average would cut inside it), at angle t·90°.
            #expect(abs(point[0] * point[0] + point[1] * point[1] - 1) < 1e-5)
            #expect(abs(atan2(point[1], point[0]) - t * .pi / 2) < 1e-5)
        }
    }

    @Test func slerpOfNearlyParallelTensorsIsTheStraightLine() {
        let a: [Float] = [1, 2, 3], b: [Float] = [1.0001, 2, 3]
        #expect(TensorMerge.slerp(a, b, t: 0.25) == TensorMerge.lerp(a, b, t: 0.25))
    }

    @Test func taskArithmeticAddsScaledDifferences() {
        let base: [Float] = [1, 1]
        #expect(TensorMerge.taskArithmetic([[2, 1], [1, 3]], base: base, weights: [1, 1]) == [2, 3])
        #expect(TensorMerge.taskArithmetic([[2, 1], [1, 3]], base: base, weights: [1, 1], lambda: 0.5) == [1.5, 2])
    }

    @Test func trimKeepsTheLargestMagnitudes() {
        #expect(TensorMerge.trimToLargest([3, -1, 0.1, 2], density: 0.5) == [3, 0, 0, 2])
        #expect(TensorMerge.trimToLargest([1, -2, 0.2, 2], density: 0.5) == [0, -2, 0, 2])
        #expect(TensorMerge.trimToLargest([1, 2], density: 1) == [1, 2])
    }

    /// τ₁ = [3, −1, 0.1, 2], τ₂ = [−1, −2, 0.2, 2] at density ½ trim to [3, 0, 0, 2] and
    /// [0, −2, 0, 2]; the elected signs are [+, −, none, +]; the agreeing entries average to
    /// [3, −2, 0, 2]. Plain task arithmetic would give [2, −3, 0.3, 4].
    @Test func tiesTrimsElectsAndAveragesTheAgreeingEntries() {
        let base: [Float] = [0, 0, 0, 0]
        let models: [[Float]] = [[3, -1, 0.1, 2], [-1, -2, 0.2, 2]]
        #expect(TensorMerge.ties(models, base: base, weights: [1, 1], density: 0.5) == [3, -2, 0, 2])
        #expect(TensorMerge.ties(models.map { $0.map { $0 + 1 } }, base: [1, 1, 1, 1], weights: [1, 1], density: 0.5) == [4, -1, 1, 3])
    }

    @Test func dareKeepsTheExpectedTaskVector() {
        let n = 20_000, density: Float = 0.3
        var rng = SplitMix64(seed: 11)
        let merged = TensorMerge.dare([[Float](repeating: 1, count: n)], base: [Float](repeating: 0, count: n),
                                      weights: [1], density: density, rng: &rng)
        let kept = merged.filter { $0 != 0 }
        // Binomial(20000, 0.3): mean 6000, standard deviation ≈ 65; allow 5σ.
        #expect(abs(kept.count - 6000) < 325)
        #expect(kept.allSatisfy { abs($0 - 1 / density) < 1e-5 })
        let mean = merged.reduce(0, +) / Float(n)
        #expect(abs(mean - 1) < 0.06)
        var again = SplitMix64(seed: 11)
        #expect(TensorMerge.dare([[Float](repeating: 1, count: n)], base: [Float](repeating: 0, count: n),
                                 weights: [1], density: 1, rng: &again) == [Float](repeating: 1, count: n))
    }
}
