import Foundation
import Testing
import Autograd
import NeuralNets
import Tensors
@testable import Transformers

@Suite("Loss landscape: filter-normalized directions and grids")
struct LossLandscapeTests {
    /// A 1-layer GPT-2 small enough to evaluate a grid in milliseconds, and a fixed batch.
    static func tinyModel() -> (GPT2Model, [Int]) {
        let config = GPT2Config(vocabularySize: 23, contextLength: 16, embeddingSize: 8, layerCount: 1, headCount: 2)
        let tokens = (0..<40).map { ($0 * 7 + 3) % 23 }
        return (GPT2Model(config: config, seed: 5), tokens)
    }

    static func loss(_ model: GPT2Model, _ tokens: [Int]) -> Double {
        withNoGrad {
            let logits = model.logits(Array(tokens[0..<32]), batchSize: 2, cache: nil)
            return Double(crossEntropy(logits, targets: Array(tokens[1...32])).value.scalar)
        }
    }

    static func rowNorms(_ t: Tensor) -> [Double] {
        let n = t.count / t.shape[0]
        return (0..<t.shape[0]).map { r in t.scalars[(r * n)..<((r + 1) * n)].reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
    }

    @Test func everyRowHasItsWeightRowsNormAndBiasesGetZero() {
        let (model, _) = Self.tinyModel()
        let parameters = model.trainableParameters()
        let direction = FilterNormalizedDirection(parameters, seed: 11)
        #expect(direction.components.count == parameters.count)
        var matrices = 0, vectors = 0
        for (p, d) in zip(parameters, direction.components) {
            #expect(d.shape == p.value.shape)
            if p.value.rank <= 1 {
                vectors += 1
                #expect(d.scalars.allSatisfy { $0 == 0 })
            } else {
                matrices += 1
                for (dn, wn) in zip(Self.rowNorms(d), Self.rowNorms(p.value)) {
                    #expect(abs(dn - wn) <= 1e-5 * max(wn, 1e-6))
                }
            }
        }
        #expect(matrices >= 5 && vectors >= 6)   // embeddings and projections; biases and LayerNorm gains
        // The same seed draws the same direction, another seed another one.
        #expect(FilterNormalizedDirection(parameters, seed: 11).components == direction.components)
        #expect(FilterNormalizedDirection(parameters, seed: 12).components != direction.components)
    }

    @Test func normalizationMatchesNumpy() throws {
        let cases = try Fixtures.json("filter_normalization.json")["cases"] as! [[String: Any]]
        #expect(cases.count == 4)
        for c in cases {
            let shape = c["shape"] as! [Int]
            func tensor(_ key: String) -> Tensor { Tensor(shape: shape, scalars: (c[key] as! [Double]).map(Float.init)) }
            let result = FilterNormalizedDirection.normalize(tensor("direction"), like: tensor("weights"))
            let expected = c["normalized"] as! [Double]
            for (got, want) in zip(result.scalars, expected) {
                #expect(abs(Double(got) - want) <= 1e-5 * max(1, abs(want)), "shape \(shape)")
            }
        }
    }

    @Test func centerIsTheTrainedLossAndWeightsComeBackBitForBit() {
        let (model, tokens) = Self.tinyModel()
        let parameters = model.trainableParameters()
        let before = parameters.map { $0.value.scalars.map(\.bitPattern) }
        let trained = Self.loss(model, tokens)
        let landscape = LossLandscape(parameters: parameters) { Self.loss(model, tokens) }
        let delta = FilterNormalizedDirection(parameters, seed: 1), eta = FilterNormalizedDirection(parameters, seed: 2)
        let steps = [-1.0, -0.5, 0, 0.5, 1.0]
        let grid = landscape.surface(delta, eta, alphas: steps, betas: steps)
        #expect(grid.count == 5 && grid.allSatisfy { $0.count == 5 })
        #expect(grid[2][2] == trained)
        #expect(parameters.map { $0.value.scalars.map(\.bitPattern) } == before)
        #expect(Self.loss(model, tokens) == trained)
        // Moving a whole row's length away from a random start changes the loss.
        #expect(grid[0][0] != trained && grid[4][4] != trained)
        let slice = landscape.slice(delta, alphas: steps)
        #expect(slice[2] == trained && slice == grid[2])
        #expect(parameters.map { $0.value.scalars.map(\.bitPattern) } == before)
    }

    /// Direct-evaluation oracle: θ* + αδ + βη written into a second, separately built copy of the
    /// model through its state dictionary gives the same loss as the grid point.
    @Test func aGridPointEqualsTheLossOfTheMovedWeights() {
        let (model, tokens) = Self.tinyModel()
        let parameters = model.trainableParameters()
        let landscape = LossLandscape(parameters: parameters) { Self.loss(model, tokens) }
        let delta = FilterNormalizedDirection(parameters, seed: 3), eta = FilterNormalizedDirection(parameters, seed: 4)
        let (alpha, beta) = (0.3, -0.7)
        let point = landscape.loss(at: alpha, beta, delta, eta)

        let (copy, _) = Self.tinyModel()
        for (k, (name, p)) in copy.namedParameters().filter({ $0.parameter.requiresGrad }).enumerated() {
            #expect(name == model.namedParameters().filter { $0.parameter.requiresGrad }[k].name)
            let moved = zip(p.value.scalars, zip(delta.components[k].scalars, eta.components[k].scalars)).map { theta, de in
                theta + Float(alpha) * de.0 + Float(beta) * de.1
            }
            p.value = Tensor(shape: p.value.shape, scalars: moved)
        }
        #expect(abs(Self.loss(copy, tokens) - point) <= 1e-6)
        #expect(abs(point - Self.loss(model, tokens)) > 1e-3)
    }

    /// The fixture GPT-2 moved to points of a (δ, η) plane, against an independent numpy forward pass
    /// with the same SplitMix64 draws (Scripts/fixtures/loss_landscape_point.py).
    @Test func pointsOfThePlaneMatchNumpy() throws {
        let fixture = try Fixtures.json("loss_landscape_point.json")
        let model = try GPT2Model(directory: Fixtures.url("gpt2-tiny"))
        let named = model.namedParameters().filter { $0.parameter.requiresGrad }
        #expect(named.map { String($0.name.dropFirst("transformer.".count)) } == fixture["names"] as! [String])
        let ids = fixture["ids"] as! [Int], seeds = fixture["seeds"] as! [Int]
        let parameters = named.map(\.parameter)
        let landscape = LossLandscape(parameters: parameters) {
            withNoGrad { Double(crossEntropy(model(Array(ids.dropLast())), targets: Array(ids.dropFirst())).value.scalar) }
        }
        let delta = FilterNormalizedDirection(parameters, seed: UInt64(seeds[0]))
        let eta = FilterNormalizedDirection(parameters, seed: UInt64(seeds[1]))
        let norms = fixture["delta_row_norms"] as! [String: [Double]]
        for (name, expected) in norms {
            let k = try #require(named.firstIndex { $0.name == "transformer." + name })
            for (got, want) in zip(Self.rowNorms(delta.components[k]), expected) { #expect(abs(got - want) <= 1e-5 * max(1, want)) }
        }
        for point in fixture["points"] as! [[String: Double]] {
            let loss = landscape.loss(at: point["alpha"]!, point["beta"]!, delta, eta)
            #expect(abs(loss - point["loss"]!) < 1e-4, "(\(point["alpha"]!), \(point["beta"]!)): \(loss) vs \(point["loss"]!)")
        }
    }

    /// On a quadratic loss L(w) = Σ c·w², the 1-D slice is L(θ + αδ) exactly, its curvature is
    /// 2c·‖δ‖² and the circle rise is c·r²·(‖δ‖² + ‖η‖²)/2 for orthogonal δ, η.
    @Test func sharpnessNumbersOnAQuadratic() {
        let w = Variable(Tensor([[1, 2], [3, 4]]), requiresGrad: true)
        let c = 0.5
        let landscape = LossLandscape(parameters: [w]) { c * w.value.scalars.reduce(0.0) { $0 + Double($1) * Double($1) } }
        let delta = FilterNormalizedDirection(components: [Tensor([[1, 0], [0, 0]])])
        let eta = FilterNormalizedDirection(components: [Tensor([[0, 0], [0, 2]])])
        let alphas = [-0.5, -0.25, 0, 0.25, 0.5]
        let slice = landscape.slice(delta, alphas: alphas)
        #expect(abs(Sharpness.curvature(slice: slice, alphas: alphas) - 2 * c * 1) < 1e-9)
        let rise = Sharpness.circleRise(landscape, delta, eta, radius: 0.5, points: 8)
        // Linear terms cancel around the circle; the quadratic terms average to r²/2 per direction.
        #expect(abs(rise - c * 0.25 * (1 + 4) / 2) < 1e-5)
        #expect(w.value == Tensor([[1, 2], [3, 4]]))
    }
}
