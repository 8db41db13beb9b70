import Foundation
import Testing
import Tensors
import Transformers
@testable import Quantization

@Suite("Mixed bit widths: layer profiles and bit allocation")
struct MixedBitTests {
    /// A random profile: widths 2…`2 + options − 1`, made-up sizes and errors that fall with bits.
    static func randomProfiles(layers: Int, options: Int, rng: inout SplitMix64) -> [LayerErrorProfile] {
        (0..<layers).map { l in
            let rows = 4 * (1 + rng.nextInt(below: 6)), columns = 8 * (1 + rng.nextInt(below: 4))
            var error = 0.2 + rng.nextUniformDouble()
            let options = (0..<options).map { k in
                error *= 0.2 + 0.6 * rng.nextUniformDouble()
                let bits = 2 + k
                return LayerErrorProfile.Option(bits: bits, storageBits: LayerErrorProfile.storageBits(rows: rows, columns: columns, bits: bits, groupSize: nil),
                                                relativeError: error)
            }
            return LayerErrorProfile(name: "layer \(l)", weightCount: rows * columns, options: options)
        }
    }

    /// The best feasible allocation by trying all `options^layers` of them.
    static func bruteForce(_ profiles: [LayerErrorProfile], budget: Double) -> BitAllocation? {
        let n = profiles.reduce(0) { $0 + $1.weightCount }
        let capacity = Int((budget * Double(n)).rounded(.down))
        var best: BitAllocation?
        var choices = [Int](repeating: 0, count: profiles.count)
        while true {
            let a = BitAllocation(profiles, choices: choices)
            if a.storageBits <= capacity, a.error < (best?.error ?? .infinity) { best = a }
            var l = 0
            while l < profiles.count {
                choices[l] += 1
                if choices[l] < profiles[l].options.count { break }
                choices[l] = 0
                l += 1
            }
            if l == profiles.count { return best }
        }
    }

    @Test("dynamic programming finds brute force's optimum and meets the budget; greedy never beats it")
    func allocationMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 7)
        var greedyWorse = 0, feasible = 0
        for trial in 0..<200 {
            let profiles = Self.randomProfiles(layers: 2 + trial % 4, options: 2 + trial % 3, rng: &rng)
            let budget = 2.3 + 2.0 * rng.nextUniformDouble()
            guard let expected = Self.bruteForce(profiles, budget: budget) else {
                #expect(throws: QuantizationError.self) { try BitAllocation.optimal(profiles, budget: budget) }
                continue
            }
            let found = try BitAllocation.optimal(profiles, budget: budget)
            feasible += 1
            #expect(Double(found.storageBits) <= budget * Double(found.weightCount))
            #expect(abs(found.error - expected.error) <= 1e-12 * expected.error, "trial \(trial)")
            let greedy = try BitAllocation.greedy(profiles, budget: budget)
            #expect(Double(greedy.storageBits) <= budget * Double(greedy.weightCount))
            #expect(greedy.error >= found.error - 1e-12 * found.error)
            if greedy.error > found.error * (1 + 1e-9) { greedyWorse += 1 }
        }
        print("greedy missed the optimum in \(greedyWorse) of \(feasible) feasible random instances")
        #expect(feasible > 100)
        #expect(greedyWorse > 0)   // the reason for the exact solver
    }

    @Test("a coarser cost unit still meets the budget")
    func coarseUnitIsFeasible() throws {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<50 {
            let profiles = Self.randomProfiles(layers: 4, options: 4, rng: &rng)
            let budget = 3.5 + rng.nextUniformDouble()
            let exact = try BitAllocation.optimal(profiles, budget: budget)
            do {
                let a = try BitAllocation.optimal(profiles, budget: budget, unit: 97)
                #expect(Double(a.storageBits) <= budget * Double(a.weightCount))
                #expect(a.error >= exact.error)
            } catch let error as QuantizationError {
                #expect(error.description.contains("finer unit"))   // rounding up can leave nothing that fits
            }
        }
    }

    @Test("a budget below the narrowest widths is a clear error")
    func infeasibleBudget() throws {
        var rng = SplitMix64(seed: 3)
        let profiles = Self.randomProfiles(layers: 3, options: 3, rng: &rng)
        do {
            _ = try BitAllocation.optimal(profiles, budget: 1.5)
            Issue.record("a 1.5 bits/weight budget with 2-bit and wider options should throw")
        } catch let error as QuantizationError {
            #expect(error.description.contains("cannot be met"))
            #expect(error.description.contains("raise the budget"))
        }
        #expect(throws: QuantizationError.self) { try BitAllocation.greedy(profiles, budget: 1.5) }
        #expect(throws: QuantizationError.self) { try BitAllocation.optimal(profiles, budget: .nan) }
        #expect(throws: QuantizationError.self) { try BitAllocation.optimal([], budget: 4) }
    }

    @Test("layers with the same profile get the same width")
    func identicalProfilesGiveUniform() throws {
        // Relative error falling 4× per bit (as rounding error does), equal layers: convex, so any
        // split of the budget other than the even one costs more.
        let rows = 16, columns = 64
        let options = (2...8).map { b in
            LayerErrorProfile.Option(bits: b, storageBits: LayerErrorProfile.storageBits(rows: rows, columns: columns, bits: b, groupSize: nil),
                                     relativeError: pow(4, -Double(b)))
        }
        let profiles = (0..<6).map { LayerErrorProfile(name: "h.\($0)", weightCount: rows * columns, options: options) }
        for bits in 2...8 {
            let budget = Double(options[bits - 2].storageBits) / Double(rows * columns)
            #expect(try BitAllocation.optimal(profiles, budget: budget).bits == [Int](repeating: bits, count: 6))
            #expect(try BitAllocation.optimal(profiles, budget: budget) == BitAllocation.uniform(profiles, bits: bits))
        }
    }

    @Test("a real layer's error falls with every extra bit, and matches the error of the GPTQ result")
    func realLayerProfileIsMonotone() throws {
        let dir = FixturePaths.transformersFixtures.appendingPathComponent("gpt2-tiny")
        let model = try GPT2Model(directory: dir)
        let tokenizer = try BytePairTokenizer(directory: dir)
        let text = try String(contentsOf: FixturePaths.transformersFixtures.appendingPathComponent("corpus.txt"), encoding: .utf8)
        let tokens = tokenizer.encode(String(text.prefix(6000)))
        let calibration = stride(from: 0, to: 8 * 32, by: 32).map { Array(tokens[$0..<($0 + 32)]) }
        let profiles = try LayerErrorProfile.measure(model, calibration: calibration, widths: [2, 3, 4, 5, 6, 8])
        #expect(profiles.map(\.name) == QuantizableLayer.blocks(of: model).joined().map(\.name))
        for p in profiles {
            let e = p.options.map(\.relativeError)
            #expect(zip(e, e.dropFirst()).allSatisfy { $0 > $1 }, "\(p.name): \(e)")
            #expect(e[0] < 1 && e.last! > 0)
            let s = p.options.map(\.storageBits)
            #expect(zip(s, s.dropFirst()).allSatisfy { $0 < $1 })
        }
        // Uniform widths cost what ModelQuantizer's size accounting says.
        for bits in [3, 4] {
            let a = try BitAllocation.uniform(profiles, bits: bits)
            #expect(MixedBitQuantizer.storageBytes(model, allocation: a) == ModelQuantizer.storageBytes(model, bits: bits)
                    || abs(MixedBitQuantizer.storageBytes(model, allocation: a) - ModelQuantizer.storageBytes(model, bits: bits)) <= 1)
        }
    }

    @Test("the profile's error is ‖(W − Ŵ)Xᵀ‖² / ‖WXᵀ‖² computed from the inputs themselves")
    func errorFromHessianMatchesDirectProduct() throws {
        var rng = SplitMix64(seed: 5)
        let rows = 12, k = 16, n = 40
        let w = (0..<(rows * k)).map { _ in Double(rng.nextNormal()) }
        let x = (0..<(n * k)).map { i in rng.nextNormal() * (i % k == 3 ? 8 : 1) }   // one loud input feature
        var h = HessianAccumulator(width: k)
        try h.add(x)
        let profile = try LayerErrorProfile.measure(name: "random", weight: w, rows: rows, columns: k, hessian: h.hessian, widths: [3])
        let q = try GPTQ.quantize(weight: w, rows: rows, columns: k, hessian: h.hessian, configuration: GPTQConfiguration(bits: 3))
        var num = 0.0, den = 0.0
        for s in 0..<n {
            for o in 0..<rows {
                var y = 0.0, yq = 0.0
                for j in 0..<k { y += w[o * k + j] * Double(x[s * k + j]); yq += q.dequantized[o * k + j] * Double(x[s * k + j]) }
                num += (y - yq) * (y - yq); den += y * y
            }
        }
        #expect(abs(profile.options[0].relativeError - num / den) <= 1e-9 * (num / den))
        #expect(profile.options[0].storageBits == rows * k * 3 + rows * (16 + 3))
    }

    @Test("the profile's error times ‖WXᵀ‖² is the float64 reference GPTQ's output error (fixture)")
    func profileMatchesReferenceFixture() throws {
        let f = try GPTQFixture.load()
        let (rows, columns) = (f.W.count, f.W[0].count)
        let w = f.W.flatMap { $0 }
        var reference = 0.0   // ‖W Xᵀ‖²_F straight from the fixture's inputs
        for x in f.X {
            for r in 0..<rows {
                var y = 0.0
                for j in 0..<columns { y += w[r * columns + j] * x[j] }
                reference += y * y
            }
        }
        for c in f.cases {
            let profile = try LayerErrorProfile.measure(name: "fixture", weight: w, rows: rows, columns: columns, hessian: f.hessian,
                                                        widths: [c.bits], base: c.configuration)
            let error = profile.options[0].relativeError * reference
            #expect(abs(error - c.output_error) <= 0.01 * c.output_error, "\(c.bits) bits, group \(c.groupsize): \(error) vs \(c.output_error)")
        }
    }
}
