import Testing
import Autograd
import Tensors
import Transformers
@testable import Security

@Suite struct AbliterationTests {
    /// A small random GPT-2 with an untied head, so every weight matters.
    static func model(seed: UInt64 = 3) -> GPT2Model {
        GPT2Model(config: GPT2Config(vocabularySize: 23, contextLength: 16, embeddingSize: 12, layerCount: 3, headCount: 2), seed: seed)
    }

    static let ids = [1, 5, 7, 2, 9, 11, 4]

    /// A random unit direction in ℝ^c.
    static func direction(_ c: Int, seed: UInt64 = 9) -> [Float] {
        var rng = SplitMix64(seed: seed)
        return Abliteration.unit(Tensor.normal([c], std: 1, using: &rng).scalars)
    }

    static func largestComponent(_ x: Tensor, along unit: [Float]) -> Float {
        let c = unit.count
        return stride(from: 0, to: x.count, by: c).map { start in
            abs((0..<c).reduce(Float(0)) { $0 + x.scalars[start + $1] * unit[$1] })
        }.max() ?? 0
    }

    @Test func theResidualStreamEndsInTheHiddenStates() {
        let model = Self.model()
        withNoGrad {
            let stream = model.residualStream(Self.ids)
            #expect(stream.count == 4)
            #expect(stream.allSatisfy { $0.shape == [1, 7, 12] })
            let hidden = model.hiddenStates(Self.ids, batchSize: 1, cache: nil).value
            #expect(model.transformer.ln_f(stream.last!).value.maxAbsDifference(hidden) < 1e-6)
            // Entry 0 is the two embeddings' sum.
            let embedded = model.transformer.wte(Self.ids, shape: [1, 7]) + model.transformer.wpe(Array(0..<7), shape: [1, 7])
            #expect(stream[0].value.maxAbsDifference(embedded.value) == 0)
        }
    }

    @Test func theResidualStreamWithACacheMatchesTheWholeSequence() {
        let model = Self.model()
        withNoGrad {
            let whole = model.residualStream(Self.ids).last!.value.scalars
            let cache = model.makeCache()
            _ = model.residualStream(Array(Self.ids.prefix(4)), cache: cache)
            let tail = model.residualStream(Array(Self.ids.suffix(3)), cache: cache).last!.value.scalars
            #expect(zip(whole.suffix(36), tail).allSatisfy { abs($0 - $1) < 1e-5 })
        }
    }

    @Test func projectingOutWorkedByHand() {
        // direction (0, 2) normalizes to (0, 1): the second coordinate goes.
        let result = Abliteration.projectOut([[3, 4], [-1, 0.5], [0, 0]], direction: [0, 2])
        #expect(result == [[3, 0], [-1, 0], [0, 0]])
        // (1, 1)/√2: (2, 0) → (2, 0) − 1·(1, 1) = (1, −1).
        let diagonal = Abliteration.projectOut([[2, 0]], direction: [5, 5])[0]
        #expect(abs(diagonal[0] - 1) < 1e-6 && abs(diagonal[1] + 1) < 1e-6)
        #expect(Abliteration.unit([0, 0, 0]) == [0, 0, 0])
    }

    @Test func projectingTwiceChangesNothing() {
        let unit = Self.direction(12)
        var rng = SplitMix64(seed: 4)
        let x = Tensor.normal([5, 12], std: 1, using: &rng)
        let once = Abliteration.projectOutRows(x, unit: unit)
        #expect(Self.largestComponent(once, along: unit) < 1e-5)
        #expect(Abliteration.projectOutRows(once, unit: unit).maxAbsDifference(once) < 1e-6)
    }

    @Test func theWeightFormEqualsTheInferenceForm() throws {
        let model = Self.model()
        let unit = Self.direction(12)
        let abliterated = try Abliteration.abliterated(model, unit: unit)
        withNoGrad {
            let weights = abliterated.residualStream(Self.ids)
            let hooked = model.residualStream(Self.ids, edit: Abliteration.ablation(unit: unit))
            for (a, b) in zip(weights, hooked) {
                #expect(Self.largestComponent(a.value, along: unit) < 1e-5)
                #expect(a.value.maxAbsDifference(b.value) < 1e-4)
            }
            let logits = abliterated(Self.ids).value
            #expect(logits.maxAbsDifference(model.logits(Self.ids, edit: Abliteration.ablation(unit: unit)).value) < 1e-4)
            // and the edit did something: the original stream has a component along r̂
            #expect(Self.largestComponent(model.residualStream(Self.ids).last!.value, along: unit) > 1e-2)
        }
        // the original model keeps its weights and its tied head
        #expect(model.lmHead == nil && abliterated.lmHead != nil)
        #expect(abliterated.lmHead!.value == model.transformer.wte.weight.value)
    }

    @Test func activationAdditionShiftsOneLayerByAlphaTimesTheDirection() {
        let model = Self.model()
        let unit = Self.direction(12)
        withNoGrad {
            let plain = model.residualStream(Self.ids)
            let steered = model.residualStream(Self.ids, edit: Abliteration.addition(unit: unit, scale: 3, layer: 2))
            #expect(steered[0].value == plain[0].value && steered[1].value == plain[1].value)
            let shift = steered[2].value - plain[2].value
            let expected = Tensor(shape: [1, 7, 12], scalars: (0..<7).flatMap { _ in unit.map { 3 * $0 } })
            #expect(shift.maxAbsDifference(expected) < 1e-5)
            #expect(steered[3].value.maxAbsDifference(plain[3].value) > 1e-3)  // later layers read it
        }
    }

    @Test func aSteeredModelDecodesLikeItsEditedLogits() {
        let model = Self.model()
        let steered = SteeredModel(model, edit: Abliteration.ablation(unit: Self.direction(12)))
        let cached = greedyDecode(steered, prompt: [1, 2, 3], maxNewTokens: 6)
        let uncached = greedyDecode(steered, prompt: [1, 2, 3], maxNewTokens: 6, useCache: false)
        #expect(cached == uncached)
    }
}
