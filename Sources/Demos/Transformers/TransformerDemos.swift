import Foundation

/// Demos of the transformer lessons (tokenization, attention, positions): each builds its own
/// tiny, seeded material in well under a second, so nothing depends on files on disk.
enum TransformerDemos {
    static let all: [Demo] = [
        TokenizerDemo.demo,
        AttentionHeatmapDemo.demo,
        PositionsDemo.demo,
        PretrainDemo.demo,
        TextPretrainDemo.demo,
        LossLandscapeDemo.demo,
    ]

    static let inputs = ["Sources/Demos/Transformers", "Sources/Transformers/Attention", "Sources/Transformers/Tokenizer"]
}
