import Foundation
import Testing
@testable import Decoding

/// The logits processors against transformers' outputs on the same scores (`sampling.json`).
@Suite("Logits processors match transformers")
struct SamplingParityTests {
    static func processor(_ name: String) -> LogitsPipeline {
        switch name {
        case "temperature_0.7": LogitsPipeline([Temperature(0.7)])
        case "top_k_5": LogitsPipeline([TopK(5)])
        case "top_p_0.9": LogitsPipeline([TopP(0.9)])
        case "top_p_0.3": LogitsPipeline([TopP(0.3)])
        case "min_p_0.1": LogitsPipeline([MinP(0.1)])
        case "repetition_penalty_1.3": LogitsPipeline([RepetitionPenalty(1.3)])
        case "chain_temp0.8_topk10_topp0.9": LogitsPipeline([Temperature(0.8), TopK(10), TopP(0.9)])
        default: fatalError("no processor for fixture case \(name)")
        }
    }

    static let caseNames = ["temperature_0.7", "top_k_5", "top_p_0.9", "top_p_0.3", "min_p_0.1",
                            "repetition_penalty_1.3", "chain_temp0.8_topk10_topp0.9"]

    @Test(arguments: caseNames)
    func processorMatches(name: String) throws {
        let json = try Fixtures.sampling()
        let scores = (json["scores"] as! [[Double]]).map { $0.map(Float.init) }
        let history = json["input_ids"] as! [[Int]]
        let cases = json["cases"] as! [[String: Any]]
        let expected = try #require(cases.first { $0["name"] as? String == name })["output"] as! [[Any]]
        let pipeline = Self.processor(name)
        var worst: Float = 0
        var filtered = 0
        for (row, values) in scores.enumerated() {
            let ours = pipeline(values, history: history[row])
            for (j, theirs) in expected[row].enumerated() {
                if let theirs = theirs as? Double {
                    #expect(ours[j].isFinite, "\(name) row \(row) token \(j): we filtered, transformers kept \(theirs)")
                    worst = max(worst, abs(ours[j] - Float(theirs)))
                } else {
                    filtered += 1
                    #expect(ours[j] == -.infinity, "\(name) row \(row) token \(j): transformers filtered, we kept \(ours[j])")
                }
            }
        }
        #expect(worst < 1e-5, "\(name): max |Δ| = \(worst)")
        if name.hasPrefix("top") || name.hasPrefix("min_p") || name.hasPrefix("chain") { #expect(filtered > 0) }
    }

    @Test func topPKeepsAtLeastMinTokens() {
        let scores: [Float] = [5, 0, 0, 0]  // the top token alone holds > 95 % of the mass
        #expect(LogitsPipeline([TopP(0.5)])(scores).filter(\.isFinite).count == 1)
        #expect(LogitsPipeline([TopP(0.5, minTokensToKeep: 3)])(scores).filter(\.isFinite).count == 3)
    }

    @Test func topKKeepsTies() {
        #expect(LogitsPipeline([TopK(2)])([1, 3, 2, 2]) == [-.infinity, 3, 2, 2])
    }

    @Test func repetitionPenaltyCountsEachTokenOnce() {
        let out = LogitsPipeline([RepetitionPenalty(2)])([4, -4, 1], history: [0, 0, 0, 1])
        #expect(out == [2, -8, 1])
    }

    @Test func configBuildsTransformersOrder() {
        let config = GenerationConfig(sampling: true, temperature: 0.7, topK: 20, topP: 0.9, minP: 0.05, repetitionPenalty: 1.2)
        #expect(config.pipeline.label == "repetition penalty 1.2 → temperature 0.7 → top-k 20 → top-p 0.9 → min-p 0.05")
        #expect(GenerationConfig(temperature: 0.7, topK: 20).pipeline.isEmpty)  // greedy ignores the warpers
    }
}
