import Testing
import Autograd
import Tensors
import Transformers
@testable import Security

@Suite struct RefusalDirectionTests {
    @Test func differenceOfMeansWorkedByHand() {
        // means (2, 0) and (0, 1): r = (2, −1), r̂ = (2, −1)/√5
        let direction = RefusalDirection(layer: 1, refused: [[1, 0], [3, 0]], answered: [[0, 0], [0, 2]])
        #expect(direction.difference == [2, -1])
        let s = Float(5).squareRoot()
        #expect(abs(direction.unit[0] - 2 / s) < 1e-6 && abs(direction.unit[1] + 1 / s) < 1e-6)
        // means 4/√5 and −1/√5, pooled variance (2·(2/√5)² + 2·(1/√5)²)/2 = 1, so d = 5/√5 = √5.
        #expect(abs(direction.separation - 5.0.squareRoot()) < 1e-5)
        #expect(direction.accuracy == 1)
    }

    @Test func aDirectionThatDoesNotSplitTheGroups() {
        // a refused prompt sits below the midpoint: three of four on their side
        let direction = RefusalDirection(layer: 0, refused: [[4], [-1]], answered: [[0], [-1]])
        #expect(direction.unit == [1])
        #expect(direction.accuracy == 0.75)
    }

    @Test func perLayerReadsTheLastPromptTokenOfEveryLayer() {
        let model = GPT2Model(config: GPT2Config(vocabularySize: 19, contextLength: 16, embeddingSize: 8, layerCount: 2, headCount: 2), seed: 5)
        let refused = [[1, 2, 3], [4, 5, 6, 7]], answered = [[8, 9], [10, 11, 12], [3, 3, 3]]
        let activations = RefusalDirection.lastTokenActivations(model, prompts: refused)
        #expect(activations.count == 3 && activations.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.count == 8 } })
        let last = withNoGrad { model.residualStream([4, 5, 6, 7])[2].value.scalars.suffix(8) }
        #expect(activations[2][1] == Array(last))
        let directions = RefusalDirection.perLayer(model, refused: refused, answered: answered)
        #expect(directions.map(\.layer) == [0, 1, 2])
        for direction in directions {
            let norm = direction.unit.map { $0 * $0 }.reduce(0, +).squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
    }
}
