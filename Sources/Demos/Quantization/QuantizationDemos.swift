import Foundation
import Transformers

/// Demos of the quantization lesson: number formats and int8 schemes, a perplexity comparison
/// of quantization methods on tiny models, and GGUF files.
enum QuantizationDemos {
    static let all: [Demo] = [
        NumberFormatsDemo.demo,
        QuantizationCompareDemo.demo,
        GGUFDemo.demo,
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

    /// Bytes as "12.3 KB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.2f MB", Double(bytes) / Double(1 << 20)) : String(format: "%.1f KB", Double(bytes) / 1024)
    }
}
