import Autograd
import Evaluation
import Foundation
import Transformers

/// log P(continuation | context) under a language model: the quantity multiple-choice
/// benchmarks compare across choices (``MultipleChoice``).
///
/// As lm-evaluation-harness does, the context and continuation are encoded together and the
/// continuation's tokens are those past the context's own encoding, so a merge across the
/// boundary (" Paris" as one token) is scored as the model would see it; a space at the end of
/// the context moves to the start of the continuation first. When the two do not fit the model's
/// context, the oldest context tokens are dropped.
public struct ContinuationScorer {
    public let model: any LanguageModel
    /// Text → token ids, without special tokens.
    public let encode: (String) throws -> [Int]

    public init(model: any LanguageModel, encode: @escaping (String) throws -> [Int]) {
        self.model = model
        self.encode = encode
    }

    public init(model: any LanguageModel, tokenizer: BytePairTokenizer) {
        self.init(model: model) { tokenizer.encode($0, allowSpecialTokens: false) }
    }

    // ANCHOR: continuation
    public func logLikelihood(context: String, continuation: String) throws -> Double {
        var context = context, continuation = continuation
        while context.hasSuffix(" ") { context.removeLast(); continuation = " " + continuation }
        let whole = try encode(context + continuation)
        let contextCount = min(try encode(context).count, whole.count - 1)
        // At least one context token predicts the first continuation token.
        let first = max(1, contextCount)
        let start = max(0, whole.count - model.contextLength)        // drop the oldest context
        let window = Array(whole[start...])
        guard first < whole.count else { return 0 }
        var total = 0.0
        withNoGrad {
            let logits = model(window).value                           // [1, L, V]
            let vocabulary = logits.shape[2]
            for target in max(first, start + 1)..<whole.count {
                let row = target - start - 1                           // row i predicts token i + 1
                total += SlidingPerplexity.logSoftmax(logits.scalars, offset: row * vocabulary, count: vocabulary, at: whole[target])
            }
        }
        return total
    }
    // ANCHOR_END: continuation
}
