import Foundation
import Testing
import Transformers
@testable import Decoding

/// Greedy and beam-search outputs of the tiny checkpoints against transformers' `generate`.
@Suite("Greedy and beam search match transformers")
struct GenerationParityTests {
    @Test(arguments: ["gpt2-tiny", "llama-tiny"])
    func greedyMatches(name: String) throws {
        let model = try Fixtures.model(name)
        let json = try Fixtures.expected(name)
        let prompt = json["prompt_ids"] as! [Int]
        let greedy = json["greedy"] as! [String: Any]
        let out = generate(model, prompt: prompt,
                           config: GenerationConfig(maxNewTokens: greedy["max_new_tokens"] as! Int, endOfSequence: [0]))
        #expect(out.tokens == greedy["sequence"] as! [Int])
    }

    @Test(arguments: ["gpt2-tiny", "llama-tiny"])
    func beamSearchMatches(name: String) throws {
        let model = try Fixtures.model(name)
        let json = try Fixtures.expected(name)
        let beam = json["beam"] as! [String: Any]
        let config = BeamSearchConfig(numBeams: beam["num_beams"] as! Int, maxNewTokens: beam["max_new_tokens"] as! Int,
                                      lengthPenalty: beam["length_penalty"] as! Double,
                                      earlyStopping: (beam["early_stopping"] as! Bool) ? .whenFull : .heuristic,
                                      numReturnSequences: (beam["sequences"] as! [[Int]]).count, endOfSequence: [0])
        let result = beamSearch(model, prompt: json["prompt_ids"] as! [Int], config: config)
        #expect(result.sequences.map(\.tokens) == beam["sequences"] as! [[Int]])
        let scores = beam["sequences_scores"] as! [Double]
        let worst = zip(result.sequences.map(\.score), scores).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-4, "\(name): max |Δ score| = \(worst)")
    }

    /// Independent of transformers: each returned score is the sum of the generated tokens'
    /// log-probabilities (recomputed with one full forward pass) over the generated length.
    @Test func beamScoresAreLengthNormalisedLogProbabilities() throws {
        let model = try Fixtures.model("llama-tiny")
        let prompt = [84, 298, 221, 77]
        for alpha in [0.0, 1.0, 2.0] {
            let config = BeamSearchConfig(numBeams: 3, maxNewTokens: 6, lengthPenalty: alpha, numReturnSequences: 3)
            let result = beamSearch(model, prompt: prompt, config: config)
            #expect(result.sequences.count == 3)
            #expect(zip(result.sequences, result.sequences.dropFirst()).allSatisfy { $0.score >= $1.score })
            for hypothesis in result.sequences {
                let rows = model.nextTokenLogits(Array(hypothesis.tokens.dropLast()), cache: model.makeCache())
                var sum = 0.0
                for t in prompt.count..<hypothesis.tokens.count {
                    sum += Probabilities.logSoftmax(rows[t - 1])[hypothesis.tokens[t]]
                }
                #expect(abs(sum - hypothesis.logProbability) < 1e-4)
                #expect(abs(hypothesis.score - sum / pow(Double(hypothesis.generatedLength), alpha)) < 1e-4)
            }
        }
    }

    @Test func oneBeamIsGreedy() throws {
        let model = try Fixtures.model("gpt2-tiny")
        let prompt = [84, 298, 221, 77, 79]
        let beam = beamSearch(model, prompt: prompt, config: BeamSearchConfig(numBeams: 1, maxNewTokens: 8))
        #expect(beam.sequences[0].tokens == generate(model, prompt: prompt, config: GenerationConfig(maxNewTokens: 8)).tokens)
    }

    @Test func beamSearchStopsAtEndOfSequenceWhenFull() throws {
        let table = TableModel.random(vocabulary: 5, seed: 3, spread: 1)
        let config = BeamSearchConfig(numBeams: 2, maxNewTokens: 30, earlyStopping: .whenFull, numReturnSequences: 2,
                                      endOfSequence: [0])
        let result = beamSearch(table, prompt: [1], config: config)
        #expect(result.sequences.allSatisfy { $0.tokens.last == 0 && $0.generatedLength < 30 })
        #expect(!result.trace.steps.isEmpty)
    }
}
