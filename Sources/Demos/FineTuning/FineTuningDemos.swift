/// Demos of the post-training chapters: instruction data and its near-duplicates, SFT with LoRA and QLoRA, DPO.
enum FineTuningDemos {
    static let all: [Demo] = [
        InstructionDataDemo.demo,
        NearDuplicatesDemo.demo,
        SFTLoRADemo.demo,
        DPODemo.demo,
        EvaluationDemo.demo,
    ]
}
