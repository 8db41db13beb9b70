import Decoding
import Foundation
import Transformers

/// Demos of the decoding lesson: greedy and its loops, what the samplers do to a distribution,
/// a beam-search tree, and speculative decoding's speed-up.
enum DecodingDemos {
    static let all: [Demo] = [
        GreedyDemo.demo,
        SamplerDemo.demo,
        BeamTreeDemo.demo,
        SpeculativeDemo.demo,
    ]

    /// The tiny GPT-2 checkpoint the parity tests use (random weights, a 384-token BPE trained on
    /// the course corpus): small enough to run instantly, real enough to show each strategy.
    static let checkpointFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny")

    static let inputs = ["Sources/Demos/Decoding", "Sources/Decoding", "Tests/TransformersTests/Fixtures/gpt2-tiny"]

    static func tinyModel() throws -> (model: GPT2Model, tokenizer: BytePairTokenizer) {
        (try GPT2Model(directory: checkpointFolder), try BytePairTokenizer(directory: checkpointFolder))
    }

    static let prompt = "the model reads a token and"

    /// A token as readers should see it: quoted, with spaces and newlines visible.
    static func show(_ tokenizer: BytePairTokenizer, _ id: Int) -> String {
        let text = tokenizer.decode([id]).replacingOccurrences(of: "\n", with: "\\n")
        return "'" + text.replacingOccurrences(of: " ", with: "␣") + "'"
    }
}
