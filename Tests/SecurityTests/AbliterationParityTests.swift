import Foundation
import Testing
import Autograd
import Transformers
@testable import Security

/// The refusal direction and the abliterated logits against PyTorch and Hugging Face
/// transformers on the tiny GPT-2 fixture (Scripts/fixtures/abliteration_gpt2.py).
@Suite struct AbliterationParityTests {
    struct Expected: Decodable {
        let refused: [[Int]]
        let answered: [[Int]]
        let probe: [Int]
        let chosen_layer: Int
        let differences: [[Double]]
        let abliterated_logits: [Double]
    }

    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let model = here.deletingLastPathComponent().appendingPathComponent("TransformersTests/Fixtures/gpt2-tiny")

    static func load() throws -> (Expected, GPT2Model) {
        let data = try Data(contentsOf: here.appendingPathComponent("Fixtures/abliteration_gpt2.json"))
        return (try JSONDecoder().decode(Expected.self, from: data), try GPT2Model(directory: model))
    }

    @Test func differencesOfMeansMatchPyTorch() throws {
        let (expected, model) = try Self.load()
        let directions = RefusalDirection.perLayer(model, refused: expected.refused, answered: expected.answered)
        #expect(directions.count == expected.differences.count)
        for (direction, reference) in zip(directions, expected.differences) {
            let worst = zip(direction.difference, reference).map { abs(Double($0) - $1) }.max() ?? .infinity
            #expect(worst < 1e-4, "layer \(direction.layer): max |Δ| = \(worst)")
        }
    }

    @Test func abliteratedLogitsMatchPyTorch() throws {
        let (expected, model) = try Self.load()
        let direction = RefusalDirection.perLayer(model, refused: expected.refused, answered: expected.answered)[expected.chosen_layer]
        let abliterated = try Abliteration.abliterated(model, unit: direction.unit)
        let logits = withNoGrad { abliterated(expected.probe).value.scalars }
        #expect(logits.count == expected.abliterated_logits.count)
        let worst = zip(logits, expected.abliterated_logits).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(worst < 1e-3, "max |Δlogit| = \(worst)")
        // the edit changed the logits: the comparison is not against the unedited model
        let original = withNoGrad { model(expected.probe).value.scalars }
        #expect(zip(original, expected.abliterated_logits).map { abs(Double($0) - $1) }.max()! > 1e-2)
    }
}
