/// Demos of the post-training chapters: instruction data, SFT with LoRA and QLoRA, DPO.
enum FineTuningDemos {
    static let all: [Demo] = [
        InstructionDataDemo.demo,
        SFTLoRADemo.demo,
        DPODemo.demo,
        EvaluationDemo.demo,
    ]
}
