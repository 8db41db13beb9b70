import Foundation
import ModelTools
import NeuralNets
import Tensors
import Testing
import Transformers

/// Merging models held in memory: the same numbers as the formulas, for every tensor by name.
@Suite("Merging state dicts")
struct StateDictMergeTests {
    let base: [String: Tensor] = ["w": Tensor(shape: [2], scalars: [1, 1]), "b": Tensor(shape: [1], scalars: [0])]
    let a: [String: Tensor] = ["w": Tensor(shape: [2], scalars: [3, 1]), "b": Tensor(shape: [1], scalars: [2])]
    let b: [String: Tensor] = ["w": Tensor(shape: [2], scalars: [1, -1]), "b": Tensor(shape: [1], scalars: [-4])]

    @Test func everyTensorIsMergedByItsFormula() throws {
        let linear = try StateDictMerge.merge([a, b], method: .linear)
        #expect(linear["w"]!.scalars == [2, 0] && linear["b"]!.scalars == [-1])
        let weighted = try StateDictMerge.merge([a, b], method: .linear, weights: [3, 1])
        #expect(weighted["w"]!.scalars == [2.5, 0.5] && weighted["w"]!.shape == [2])
        // Task vectors: a − base = (2, 0 | 2), b − base = (0, −2 | −4).
        let added = try StateDictMerge.merge([a, b], base: base, method: .taskArithmetic)
        #expect(added["w"]!.scalars == [3, -1] && added["b"]!.scalars == [-2])
        // TIES on "b": the votes 2 and −4 elect "−", so only b's −4 survives.
        let ties = try StateDictMerge.merge([a, b], base: base, method: .ties(density: 1))
        #expect(ties["b"]!.scalars == [-4] && ties["w"]!.scalars == [3, -1])
    }

    @Test func mergedGPTLoadsAndItsEndpointsAreTheModels() throws {
        let config = GPT2Config(vocabularySize: 11, contextLength: 8, embeddingSize: 8, layerCount: 1, headCount: 2)
        let one = GPT2Model(config: config, seed: 1), two = GPT2Model(config: config, seed: 2)
        let merged = GPT2Model(config: config, seed: 3)
        try merged.loadStateDict(StateDictMerge.merge([one.stateDict(), two.stateDict()], method: .slerp(t: 0)))
        for (name, tensor) in one.stateDict() {
            #expect(merged.stateDict()[name]!.maxAbsDifference(tensor) < 1e-5, "\(name)")
        }
        // DARE is reproducible: the same seed drops the same entries.
        let d1 = try StateDictMerge.merge([two.stateDict()], base: one.stateDict(), method: .dare(density: 0.5, seed: 7))
        let d2 = try StateDictMerge.merge([two.stateDict()], base: one.stateDict(), method: .dare(density: 0.5, seed: 7))
        #expect(d1.keys.allSatisfy { d1[$0]!.scalars == d2[$0]!.scalars })
    }

    @Test func mismatchedInputsAreClearErrors() {
        #expect(throws: StateDictMergeError.needsBase("ties")) { try StateDictMerge.merge([a, b], method: .ties(density: 0.5)) }
        #expect(throws: StateDictMergeError.slerpNeedsTwo(1)) { try StateDictMerge.merge([a], method: .slerp(t: 0.5)) }
        #expect(throws: StateDictMergeError.missingTensor("b")) { try StateDictMerge.merge([a, ["w": a["w"]!]], method: .linear) }
        let wide = ["w": Tensor(shape: [3], scalars: [1, 2, 3]), "b": a["b"]!]
        #expect(throws: StateDictMergeError.shapeMismatch(name: "w", [2], [3])) { try StateDictMerge.merge([a, wide], method: .linear) }
    }
}
