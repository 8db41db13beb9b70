import Foundation
import Testing
import FineTuning
import Tensors
@testable import Demos

@Suite struct FineTuningDemosTests {
    @Test func instructionDataDemoCleansAndMasks() throws {
        let out = try runDemo("instruction-data")
        #expect(out.contains("exact-duplicate removal"))
        #expect(out.contains("<|im_start|>assistant"))
        #expect(out.contains("### Response:"))
        #expect(out.contains("predict \"<|im_end|>\""))
    }

    @Test func nearDuplicatesDemoComparesExactAndMinHashDeduplication() throws {
        let out = try runDemo("near-duplicates")
        #expect(out.contains("LSH for Jaccard ≥ 0.7: 14 bands of 9 rows"))
        #expect(out.contains("case and spacing"))
        #expect(out.contains("candidate precision"))
        #expect(out.contains("P(candidate | Jaccard s) = 1 − (1 − s^r)^b"))
        #expect(out.contains("b = 25, r = 5"))
    }

    @Test func fineTuningDemosRunEndToEndInQuickMode() throws {
        let sft = try runDemo("sft-lora")
        for method in ["full fine-tuning", "LoRA r=8", "QLoRA r=8 (NF4 base)"] { #expect(sft.contains(method)) }
        #expect(sft.contains("adapter_config.json + adapter_model.safetensors"))
        #expect(sft.contains("TinyLlama-1.1B, r = 32 on every linear layer"))
        let dpo = try runDemo("dpo")
        #expect(dpo.contains("preference accuracy"))
        #expect(dpo.contains("rejected (the SFT model's answer)"))
        #expect(dpo.contains("best of 4 samples by the reward model"))
        #expect(dpo.contains("KL(π ‖ π_ref)"))
        for method in ["SFT (the reference)", "DPO (LoRA)", "SFT + best of 4 (reward model)", "RLHF: reward model + REINFORCE"] {
            #expect(dpo.contains(method))
        }
    }

    @Test func finetuneRecipeDemoRunsTheRecipeAndRefusesMistakes() throws {
        let out = try runDemo("finetune-recipe")
        #expect(out.contains("322 training and 17 validation examples; 6 steps of 16"))
        #expect(out.contains("written: adapter_config.json, adapter_model.safetensors, training_report.json"))
        #expect(out.contains("max |Δlogit| = 0.0e+00"))
        #expect(out.contains("finetune.yaml:7: lora_r: must be a whole number"))
        #expect(out.contains("did you mean learning_rate?"))
    }

    @Test func testTimeComputeDemoComparesTheThreeRulesAndTheAdvantages() throws {
        let out = try runDemo("test-time-compute")
        for label in ["best-of-n (log-likelihood)", "majority vote", "verifier (exact checker)", "RLOO", "GRPO"] {
            #expect(out.contains(label))
        }
        // At n = 1 the three rules see one sample each: their accuracies are the same number.
        let row = try #require(out.split(separator: "\n").first { $0.hasPrefix("1 ") })
        let cells = row.split(separator: " ").dropFirst()
        #expect(cells.count == 3 && Set(cells).count == 1, "\(row)")
        #expect(out.contains("8 answers sampled for each"))
    }

    @Test func modelMergingDemoScoresBothSkillsForEveryMerge() throws {
        let out = try runDemo("model-merging")
        for name in ["base model", "fine-tune: sum", "fine-tune: capitals", "linear 0.5/0.5", "SLERP t = 0.5",
                     "task arithmetic", "TIES density 0.3", "DARE density 0.3"] {
            #expect(out.contains(name), "\(name)")
        }
        #expect(out.contains("each asked three ways: 2 sum and 2"))
        // The sweep's ends are the two fine-tunes: the rows for t = 0 and 1 repeat their scores.
        let lines = out.split(separator: "\n")
        func scores(_ prefix: String) throws -> [Substring] {
            let row = try #require(lines.first { $0.hasPrefix(prefix) }, "\(prefix)")
            return Array(row.split(separator: " ").filter { $0.hasSuffix("%") }.prefix(2))
        }
        #expect(try scores("0.0 ") == scores("fine-tune: sum"))
        #expect(try scores("1.0 ") == scores("fine-tune: capitals"))
        #expect(try scores("fine-tune: sum").count == 2)
    }

    @Test func answersAreReadUpToTheirPeriod() {
        #expect(TestTimeComputeDemo.answer(" 12.") == 12)
        #expect(TestTimeComputeDemo.answer(" 7") == 7)
        #expect(TestTimeComputeDemo.answer(" +5.") == nil)
        #expect(TestTimeComputeDemo.answer(" 1 2.") == nil)
        #expect(TestTimeComputeDemo.answer(" is ") == nil)
        #expect(TestTimeComputeDemo.answer(".") == nil)
    }

    @Test func generatedRejectionsAreWrongButClose() {
        var rng = SplitMix64(seed: 5)
        for fact in InstructionWorld.validationInstructions() {
            let wrong = PreferenceSet.subtlyWrong(fact, rng: &rng)
            #expect(wrong != fact.response)
            #expect(abs(wrong.count - fact.response.count) <= 1)
        }
    }
}
