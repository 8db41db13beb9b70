/// Demos of the post-training chapters: instruction data and its near-duplicates, SFT with LoRA
/// and QLoRA, DPO, evaluation, test-time compute.
enum FineTuningDemos {
    static let all: [Demo] = [
        InstructionDataDemo.demo,
        DataQualityDemo.demo,
        NearDuplicatesDemo.demo,
        SFTLoRADemo.demo,
        FineTuneRecipeDemo.demo,
        DPODemo.demo,
        EvaluationDemo.demo,
        JudgeDemo.demo,
        TestTimeComputeDemo.demo,
        ModelMergingDemo.demo,
        MixtureOfExpertsDemo.demo,
    ]
}
