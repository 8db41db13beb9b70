/// Demos of the fundamentals lessons: mathematics, neural networks, NLP.
enum FundamentalsDemos {
    static let all: [Demo] = [
        LinearAlgebraDemo.demo,
        CalculusDemo.demo,
        ProbabilityDemo.demo,
        MicrogradDemo.demo,
        MLPTrainDemo.demo,
        TFIDFDemo.demo,
        SkipGramDemo.demo,
        RecurrentDemo.demo,
        SwiftValuesDemo.demo,
        SwiftSpeedDemo.demo,
        SwiftTabularDemo.demo,
        NGramDemo.demo,
        StemmingDemo.demo,
        GloVeDemo.demo,
        GatedRecurrentDemo.demo,
        StatisticsDemo.demo,
        EigenDemo.demo,
        SeriesDemo.demo,
        // The neural-networks chapter: optimizers, initialization, activations, normalization.
        OptimizerRaceDemo.demo,
        InitializationDemo.demo,
        ActivationsDemo.demo,
        NormalizationDemo.demo,
    ]
}
