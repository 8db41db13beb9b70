import Foundation
import Testing
import Tensors
import Transformers
@testable import FineTuning

@Suite("NF4 against bitsandbytes")
struct NF4Tests {
    @Test func codeBookIsBitsandbytes() throws {
        let json = try Fixtures.json("nf4.json")
        let codebook = (json["codebook"] as! [Double]).map(Float.init)
        #expect(codebook == NF4.levels)
    }

    @Test func blockwiseRoundTripMatches() throws {
        let json = try Fixtures.json("nf4.json")
        let input = (json["input"] as! [Double]).map(Float.init)
        let absmax = json["absmax"] as! [Double]
        let expected = json["dequantized"] as! [Double]
        let q = NF4Tensor(quantizing: Tensor(input), blockSize: 64)
        for (mine, theirs) in zip(q.absmax, absmax) { #expect(abs(Double(mine) - theirs) < 1e-7) }
        let restored = q.dequantized()
        let worst = zip(restored.scalars, expected).map { abs(Double($0) - $1) }.max() ?? 0
        #expect(worst < 1e-6, "max |Δ| = \(worst)")
    }

    @Test func packingPutsTheFirstCodeInTheHighNibble() {
        #expect(NF4.pack([0x1, 0xF, 0x7]) == [0x1F, 0x70])
        #expect(NF4.unpack([0x1F, 0x70], count: 3) == [0x1, 0xF, 0x7])
    }

    @Test func doubleQuantisationSavesMemoryAndKeepsScales() {
        var rng = SplitMix64(seed: 3)
        let w = Tensor.normal([256, 256], std: 0.02, using: &rng)
        let single = NF4Tensor(quantizing: w)
        let double = NF4Tensor(quantizing: w, doubleQuantization: true)
        #expect(abs(single.bitsPerValue - 4.5) < 1e-9)
        #expect(double.bitsPerValue < 4.14)
        let worstScale = zip(single.absmax, double.absmax).map { abs($0 - $1) / $0 }.max() ?? 0
        #expect(worstScale < 0.02)
        #expect(double.dequantized().maxAbsDifference(single.dequantized()) < 2e-3)
    }

    @Test func qloraTrainsOnlyAdaptersOverAnNF4Base() throws {
        let model = try GPT2Model(directory: Fixtures.gpt2Tiny)
        let full = TrainingMemory.fullFineTuning(model)
        let qlora = QLoRAModel(wrapping: model, lora: .init(rank: 4, alpha: 8, targetModules: ["c_attn"]))
        #expect(qlora.quantized.count == 8)                    // 4 projections × 2 layers
        #expect(qlora.quantizationError > 0 && qlora.quantizationError < 0.05)
        let memory = TrainingMemory.qlora(qlora)
        let lora = TrainingMemory.lora(qlora.lora)
        #expect(memory.trainableParameters == 2 * 4 * (48 + 144))
        #expect(memory.weightBytes < lora.weightBytes)
        #expect(lora.total < full.total)
    }

    @Test func gpt2SmallEstimatesCountTheRealParameterNumber() {
        let rows = TrainingMemory.gpt2Estimates(embedding: 768, layers: 12, vocabulary: 50257, context: 1024, rank: 8)
        #expect(rows[0].totalParameters == 124_439_808)         // GPT-2 small
        #expect(rows[1].trainableParameters == 12 * 8 * (768 + 2304 + 768 + 768 + 3072 + 768))
        #expect(rows[2].weightBytes < rows[1].weightBytes / 2)
    }
}
