/// Demos of the post-training chapters: instruction data, SFT with LoRA and QLoRA, DPO, evaluation,
/// test-time compute.
enum FineTuningDemos {
    static let all: [Demo] = [
        InstructionDataDemo.demo,
        SFTLoRADemo.demo,
        DPODemo.demo,
        EvaluationDemo.demo,
        TestTimeComputeDemo.demo,
    ]
}
