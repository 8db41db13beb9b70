import Foundation
import Tensors
import Transformers

/// Demos of the quantization lesson: number formats and int8 schemes, a perplexity comparison
/// of quantization methods on tiny models, and GGUF files.
enum QuantizationDemos {
    static let all: [Demo] = [
        NumberFormatsDemo.demo,
        QuantizationCompareDemo.demo,
        GGUFDemo.demo,
        MixedBitDemo.demo,
    ]

    /// The tiny checkpoints and corpus the Transformers parity tests carry.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/TransformersTests/Fixtures")

    static let inputs = ["Sources/Demos/Quantization", "Sources/Quantization", "Tests/TransformersTests/Fixtures"]

    /// The course corpus as tokens of the fixture BPE: the first 90% for training and
    /// calibration, the rest held out for perplexity.
    static func corpus(_ tokenizer: BytePairTokenizer) throws -> (train: [Int], heldOut: [Int]) {
        let text = try String(contentsOf: fixtures.appendingPathComponent("corpus.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.count * 9 / 10
        return (tokenizer.encode(lines[..<cut].joined(separator: "\n")), tokenizer.encode(lines[cut...].joined(separator: "\n")))
    }

    /// The text every perplexity comparison uses: held-out windows from the last 10% of the
    /// corpus and random calibration windows from the first 90%.
    struct Bench {
        let train: [Int]
        let evaluation: [Int]
        let calibration: [[Int]]
        let window = 48
    }

    static func bench(_ ctx: DemoContext) throws -> Bench {
        let tokenizer = try BytePairTokenizer(directory: fixtures.appendingPathComponent("gpt2-tiny"))
        let (train, heldOut) = try corpus(tokenizer)
        let window = 48
        let evaluation = Array(heldOut.prefix((ctx.quick ? 8 : 60) * window + 1))
        var rng = SplitMix64(seed: ctx.seed)
        let calibration = (0..<(ctx.quick ? 8 : 32)).map { _ in
            let start = rng.nextInt(below: train.count - window)
            return Array(train[start..<(start + window)])
        }
        ctx.say("held-out text: {0} tokens of the course corpus (last 10% of lines); calibration: {1} × {2} tokens from the first 90%.", String(evaluation.count), String(calibration.count), String(window))
        return Bench(train: train, evaluation: evaluation, calibration: calibration)
    }

    /// Bytes as "12.3 KB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.2f MB", Double(bytes) / Double(1 << 20)) : String(format: "%.1f KB", Double(bytes) / 1024)
    }
}
