import Foundation
import Testing
import Autograd
import Tensors
import Transformers
import FineTuning
@testable import Alignment

enum Fixtures {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let dpo = here.appendingPathComponent("Fixtures/dpo.json")
    static let gpt2Tiny = here.deletingLastPathComponent().appendingPathComponent("TransformersTests/Fixtures/gpt2-tiny")
    static let adapter = here.deletingLastPathComponent().appendingPathComponent("FineTuningTests/Fixtures/lora-gpt2-tiny")

    static func dpoJSON() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: dpo)) as! [String: Any]
    }
}

@Suite("DPO against TRL's formulas and transformers' log-probabilities")
struct DPOParityTests {
    struct Pair {
        let pair: PreferencePair
        let policyChosen, policyRejected, referenceChosen, referenceRejected: Double
    }

    func pairs() throws -> [Pair] {
        (try Fixtures.dpoJSON()["pairs"] as! [[String: Any]]).map { p in
            Pair(pair: PreferencePair(prompt: p["prompt_ids"] as! [Int], chosen: p["chosen_ids"] as! [Int], rejected: p["rejected_ids"] as! [Int]),
                 policyChosen: p["policy_chosen_logp"] as! Double, policyRejected: p["policy_rejected_logp"] as! Double,
                 referenceChosen: p["ref_chosen_logp"] as! Double, referenceRejected: p["ref_rejected_logp"] as! Double)
        }
    }

    @Test func responseLogProbabilitiesMatch() throws {
        let pairs = try pairs()
        let reference = try GPT2Model(directory: Fixtures.gpt2Tiny)
        let policyBase = try GPT2Model(directory: Fixtures.gpt2Tiny)
        _ = try PEFTAdapterFiles.load(from: Fixtures.adapter, into: policyBase)
        let chosen = pairs.map { PromptResponse(prompt: $0.pair.prompt, response: $0.pair.chosen) }
        let rejected = pairs.map { PromptResponse(prompt: $0.pair.prompt, response: $0.pair.rejected) }
        // One padded batch for all, to check that padding changes nothing.
        let policy = withNoGrad { responseLogProbabilities(policyBase, chosen + rejected).value.scalars }
        let ref = withNoGrad { responseLogProbabilities(reference, chosen + rejected).value.scalars }
        var worst = 0.0
        for (i, p) in pairs.enumerated() {
            worst = max(worst, abs(Double(policy[i]) - p.policyChosen), abs(Double(policy[pairs.count + i]) - p.policyRejected),
                        abs(Double(ref[i]) - p.referenceChosen), abs(Double(ref[pairs.count + i]) - p.referenceRejected))
        }
        #expect(worst < 1e-4, "max |Δ log p| = \(worst)")
    }

    @Test func lossesMatchForEveryType() throws {
        let json = try Fixtures.dpoJSON()
        let pairs = try pairs()
        let losses = json["losses"] as! [String: [String: Any]]
        for beta in [0.1, 0.5] {
            let expected = losses[String(beta)]!
            let types: [(String, DPOLossType)] = [("sigmoid", .sigmoid()), ("sigmoid_label_smoothing_0.1", .sigmoid(labelSmoothing: 0.1)),
                                                  ("ipo", .ipo), ("hinge", .hinge)]
            for (key, type) in types {
                let reference = expected[key] as! [Double]
                for (p, want) in zip(pairs, reference) {
                    let z = (p.policyChosen - p.policyRejected) - (p.referenceChosen - p.referenceRejected)
                    let got = DPOLoss.loss(margin: z, beta: beta, type: type).value
                    #expect(abs(got - want) < 1e-5, "\(key) β=\(beta): \(got) vs \(want)")
                }
            }
            let (_, stats) = dpoLoss(policyChosen: Variable(Tensor(pairs.map { Float($0.policyChosen) })),
                                     policyRejected: Variable(Tensor(pairs.map { Float($0.policyRejected) })),
                                     referenceChosen: pairs.map(\.referenceChosen), referenceRejected: pairs.map(\.referenceRejected),
                                     beta: beta, type: .sigmoid())
            #expect(abs(stats.rewardAccuracy - (expected["reward_accuracy"] as! Double)) < 1e-12)
            let chosenRewards = expected["chosen_rewards"] as! [Double]
            #expect(abs(stats.chosenReward - chosenRewards.reduce(0, +) / Double(chosenRewards.count)) < 1e-5)
        }
    }

    @Test func lossDerivativesAgreeWithFiniteDifferences() {
        for type in [DPOLossType.sigmoid(), .sigmoid(labelSmoothing: 0.1), .ipo, .hinge] {
            for z in [-3.0, -0.4, 0.7, 2.5] {
                let h = 1e-6
                let numeric = (DPOLoss.loss(margin: z + h, beta: 0.5, type: type).value
                    - DPOLoss.loss(margin: z - h, beta: 0.5, type: type).value) / (2 * h)
                #expect(abs(numeric - DPOLoss.loss(margin: z, beta: 0.5, type: type).derivative) < 1e-5, "\(type) at z=\(z)")
            }
        }
    }

    @Test func gradientReachesOnlyTheAdapters() throws {
        let model = try GPT2Model(directory: Fixtures.gpt2Tiny)
        let lora = try PEFTAdapterFiles.load(from: Fixtures.adapter, into: model)
        let p = try pairs()[0].pair
        let logps = responseLogProbabilities(model, [PromptResponse(prompt: p.prompt, response: p.chosen),
                                                     PromptResponse(prompt: p.prompt, response: p.rejected)])
        let (loss, _) = dpoLoss(policyChosen: logps.slice(0..<1), policyRejected: logps.slice(1..<2),
                                referenceChosen: [-11.68], referenceRejected: [-12.75], beta: 0.1, type: .sigmoid())
        loss.backward()
        #expect(lora.adapterParameters().allSatisfy { $0.parameter.grad != nil })
        #expect(model.namedParameters().filter { !$0.name.contains("lora_") }.allSatisfy { $0.parameter.grad == nil })
    }
}
