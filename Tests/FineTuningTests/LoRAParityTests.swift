import Foundation
import Testing
import Autograd
import Tensors
import Transformers
@testable import FineTuning

@Suite("LoRA and PEFT files against the PEFT fixture")
struct LoRAParityTests {
    func expected() throws -> (prompt: [Int], logits: [[Double]]) {
        let json = try Fixtures.json("lora-gpt2-tiny/expected.json")
        return (json["prompt_ids"] as! [Int], json["logits_with_adapter"] as! [[Double]])
    }

    func maxDifference(_ logits: Tensor, _ expected: [[Double]]) -> Double {
        let v = logits.shape.last!
        var worst = 0.0
        for (t, row) in expected.enumerated() {
            for (j, e) in row.enumerated() { worst = max(worst, abs(Double(logits.scalars[t * v + j]) - e)) }
        }
        return worst
    }

    @Test func adapterConfigurationReadsPEFTFields() throws {
        let config = try PEFTAdapterFiles.configuration(at: Fixtures.url("lora-gpt2-tiny"))
        let stored = try Fixtures.json("lora-gpt2-tiny/adapter_config.json")
        let (rank, alpha) = (stored["r"] as! Int, stored["lora_alpha"] as! Int)
        #expect(config.rank == rank)
        #expect(config.alpha == Float(alpha))
        #expect(config.scaling == Float(alpha) / Float(rank))
        #expect(config.fanInFanOut)
        #expect(config.targetModules == ["c_attn", "c_proj"])
    }

    @Test func logitsWithAdapterMatchPEFT() throws {
        let (prompt, reference) = try expected()
        let model = try GPT2Model(directory: Fixtures.gpt2Tiny)
        let lora = try PEFTAdapterFiles.load(from: Fixtures.url("lora-gpt2-tiny"), into: model)
        // c_attn and c_proj: c_proj matches both the attention and the MLP output projection.
        #expect(lora.sites.count == 6)
        let logits = withNoGrad { model(prompt).value }
        let error = maxDifference(logits, reference)
        #expect(error < 1e-4, "max |Δlogit| = \(error)")
    }

    @Test func mergeAndUnmergeKeepTheOutputs() throws {
        let (prompt, reference) = try expected()
        let model = try GPT2Model(directory: Fixtures.gpt2Tiny)
        let base = withNoGrad { model(prompt).value }
        let lora = try PEFTAdapterFiles.load(from: Fixtures.url("lora-gpt2-tiny"), into: model)
        lora.merge()
        #expect(lora.sites.allSatisfy { $0.layer.adapter == nil })
        #expect(maxDifference(withNoGrad { model(prompt).value }, reference) < 1e-4)
        lora.unmerge()
        #expect(maxDifference(withNoGrad { model(prompt).value }, reference) < 1e-4)
        lora.setAdaptersActive(false)
        #expect(withNoGrad { model(prompt).value }.maxAbsDifference(base) < 1e-5)
    }

    @Test func saveThenLoadRoundTrips() throws {
        let (prompt, reference) = try expected()
        let lora = try PEFTAdapterFiles.load(from: Fixtures.url("lora-gpt2-tiny"), into: try GPT2Model(directory: Fixtures.gpt2Tiny))
        let folder = try Fixtures.temporaryDirectory("peft")
        try PEFTAdapterFiles.save(lora, to: folder)
        let fresh = try GPT2Model(directory: Fixtures.gpt2Tiny)
        _ = try PEFTAdapterFiles.load(from: folder, into: fresh)
        #expect(maxDifference(withNoGrad { fresh(prompt).value }, reference) < 1e-4)
    }

    @Test func onlyAdaptersTrainAndStartAtTheBaseModel() throws {
        let model = try GPT2Model(directory: Fixtures.gpt2Tiny)
        let base = withNoGrad { model([1, 2, 3]).value }
        let lora = LoRAModel(wrapping: model, configuration: .init(rank: 2, alpha: 4, targetModules: ["c_attn"]))
        // two layers × r·(in + out) = 2 × 2·(48 + 144)
        #expect(lora.trainableParameterCount == 2 * 2 * (48 + 144))
        #expect(withNoGrad { model([1, 2, 3]).value }.maxAbsDifference(base) == 0)
        #expect(model.namedParameters().filter(\.parameter.requiresGrad).allSatisfy { $0.name.contains(".lora_") })
        #expect(model.namedParameters().map(\.name).contains("transformer.h.0.attn.c_attn.lora_A.weight"))
    }

    @Test func damagedConfigurationIsReportedWithAFix() throws {
        let folder = try Fixtures.temporaryDirectory("bad")
        try Data(#"{"peft_type": "LORA", "r": 4, "lora_alpha": 8, "target_modules": ["c_attn"], "use_dora": true}"#.utf8)
            .write(to: folder.appendingPathComponent("adapter_config.json"))
        #expect(throws: PEFTFileError.self) { try PEFTAdapterFiles.configuration(at: folder) }
    }
}
