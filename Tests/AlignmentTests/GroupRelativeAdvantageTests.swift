import Foundation
import Testing
@testable import Alignment

/// GRPO's group-normalized advantages: worked by hand, and against PyTorch's mean and
/// (unbiased) std on the fixture `Scripts/fixtures/grpo_advantages.py` wrote.
@Suite("GRPO advantages by hand and against PyTorch")
struct GroupRelativeAdvantageTests {
    static func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func oneRightAnswerInFour() {
        // mean 1/4; squared deviations 9/16 + 3·1/16 = 3/4; unbiased variance (3/4)/3 = 1/4, std 1/2.
        let a = PolicyGradient.groupNormalizedAdvantages([1, 0, 0, 0], groupSize: 4)
        let expected = [0.75 / 0.5001, -0.25 / 0.5001, -0.25 / 0.5001, -0.25 / 0.5001]
        #expect(Self.close(a, expected), "\(a)")
        #expect(abs(a[0] - 1.49970005998800) < 1e-12)
    }

    @Test func unevenRewardsInAGroupOfThree() {
        // [2, 4, 9]: mean 5, deviations −3, −1, 4; variance (9 + 1 + 16)/2 = 13.
        let a = PolicyGradient.groupNormalizedAdvantages([2, 4, 9], groupSize: 3)
        #expect(Self.close(a, [-0.8320272180547876, -0.27734240601826254, 1.1093696240730502]), "\(a)")
    }

    @Test func thePairUsesTheUnbiasedStd() {
        // [1, 0]: unbiased std √(1/2) gives ±0.70701; the biased std (1/2) would give ±0.9998.
        let a = PolicyGradient.groupNormalizedAdvantages([1, 0], groupSize: 2)
        #expect(Self.close(a, [0.7070067953266834, -0.7070067953266834]), "\(a)")
    }

    @Test func groupsThatAgreeTeachNothing() {
        #expect(PolicyGradient.groupNormalizedAdvantages([1, 1, 1, 0, 0, 0], groupSize: 3) == [0, 0, 0, 0, 0, 0])
        #expect(PolicyGradient.groupNormalizedAdvantages([3, -2], groupSize: 1) == [0, 0])
        // Without ε a constant group would divide 0 by 0.
        #expect(PolicyGradient.groupNormalizedAdvantages([0.5, 0.5], groupSize: 2, epsilon: 1e-8) == [0, 0])
    }

    @Test func itIsLeaveOneOutRescaledPerGroup() {
        // rᵢ − mean = (G − 1)/G · (rᵢ − mean of the others), so A_GRPO · G · (std + ε)/(G − 1) = A_RLOO.
        let rewards: [Double] = [1, 0, 0, 1, 1, 0.25, 3, -1, 0, 2]
        let g = 5
        let grpo = PolicyGradient.groupNormalizedAdvantages(rewards, groupSize: g)
        let loo = PolicyGradient.leaveOneOutAdvantages(rewards, groupSize: g)
        for start in stride(from: 0, to: rewards.count, by: g) {
            let group = rewards[start..<(start + g)]
            let mean = group.reduce(0, +) / Double(g)
            let std = (group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(g - 1)).squareRoot()
            for i in group.indices {
                #expect(abs(grpo[i] * Double(g) * (std + 1e-4) / Double(g - 1) - loo[i]) < 1e-12)
                #expect((grpo[i] > 0) == (loo[i] > 0))
            }
        }
    }

    @Test func everyGroupWithSpreadGetsTheSameTotalWeight() {
        // Σᵢ (rᵢ − mean)² = (G − 1)·std², so Σᵢ Aᵢ² = (G − 1)·(std / (std + ε))², whatever the rewards.
        for rewards in [[1.0] + [Double](repeating: 0, count: 7), [1, 1, 1, 1, 0, 0, 0, 0], [0.3, 2, -1, 0, 0, 5, 1, 1]] {
            let a = PolicyGradient.groupNormalizedAdvantages(rewards, groupSize: 8, epsilon: 0)
            #expect(abs(a.reduce(0) { $0 + $1 * $1 } - 7) < 1e-12, "\(rewards)")
            #expect(abs(a.reduce(0, +)) < 1e-12, "advantages of a group sum to 0")
        }
    }

    @Test func matchesPyTorch() throws {
        let url = Fixtures.here.appendingPathComponent("Fixtures/grpo_advantages.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let cases = json["cases"] as! [[String: Any]]
        #expect(cases.count == 7)
        for c in cases {
            let name = c["name"] as! String
            let rewards = c["rewards"] as! [Double], size = c["group_size"] as! Int, epsilon = c["epsilon"] as! Double
            let grpo = PolicyGradient.groupNormalizedAdvantages(rewards, groupSize: size, epsilon: epsilon)
            let loo = PolicyGradient.leaveOneOutAdvantages(rewards, groupSize: size)
            #expect(Self.close(grpo, c["grpo"] as! [Double], 1e-12), "\(name): \(grpo)")
            #expect(Self.close(loo, c["leave_one_out"] as! [Double], 1e-12), "\(name): leave-one-out \(loo)")
        }
    }
}
