import Autograd
import Foundation
import Transformers

/// How the `pretrain` demo grades a model on sums it never saw in training.
///
/// - *Exact match*: greedy decoding from the prompt `"a+b="` up to the newline must give the
///   whole answer (``additionAccuracy``).
/// - *Answer perplexity*: `exp` of the mean of `−log p(token)` over the answer tokens and the
///   newline, the prompt given. Operand digits are random and cannot be predicted, so only the
///   answer measures what the model learnt; 1.0 means it is certain and right.
enum PretrainEvaluation {
    /// One held-out sum as the model completed it.
    struct Completion {
        let prompt: String
        let output: String
        let expected: String
        var correct: Bool { output == expected }
    }

    static func exactMatch(_ model: any LanguageModel, tokenizer: BytePairTokenizer, problems: [(Int, Int)],
                           corpus: AdditionCorpus) -> Double {
        additionAccuracy(model, tokenizer: tokenizer, problems: problems, corpus: corpus)
    }

    /// `exp(mean NLL)` of the answer tokens (and the newline) given the prompt.
    static func answerPerplexity(_ model: any LanguageModel, tokenizer: BytePairTokenizer, problems: [(Int, Int)],
                                 corpus: AdditionCorpus) -> Double {
        var total = 0.0, count = 0
        withNoGrad {
            for (a, b) in problems {
                let (prompt, answer) = corpus.format(a, b)
                let promptIDs = tokenizer.encode(prompt)
                let ids = promptIDs + tokenizer.encode(answer + "\n")
                let logits = model.logits(ids, batchSize: 1, cache: nil).value.scalars   // [1, T, V]
                let v = model.vocabularySize
                for t in promptIDs.count..<ids.count {
                    let row = logits[((t - 1) * v)..<(t * v)]          // the prediction for token t
                    total += negativeLogLikelihood(row, target: ids[t])
                    count += 1
                }
            }
        }
        return count == 0 ? .nan : Foundation.exp(total / Double(count))
    }

    /// `−log softmax(logits)[target]`, computed stably in double precision.
    static func negativeLogLikelihood(_ logits: ArraySlice<Float>, target: Int) -> Double {
        let largest = Double(logits.max() ?? 0)
        let sum = logits.reduce(0.0) { $0 + Foundation.exp(Double($1) - largest) }
        return largest + Foundation.log(sum) - Double(logits[logits.startIndex + target])
    }

    /// Greedy completions of the first `count` problems, cut at the newline.
    static func completions(_ model: any LanguageModel, tokenizer: BytePairTokenizer, problems: [(Int, Int)],
                            corpus: AdditionCorpus, count: Int) -> [Completion] {
        let newline = tokenizer.encode("\n")
        return problems.prefix(count).map { a, b in
            let (prompt, expected) = corpus.format(a, b)
            let promptIDs = tokenizer.encode(prompt)
            let ids = greedyDecode(model, prompt: promptIDs, maxNewTokens: 8, stopAt: newline.count == 1 ? newline[0] : nil)
            let output = tokenizer.decode(Array(ids[promptIDs.count...])).trimmingCharacters(in: .whitespacesAndNewlines)
            return Completion(prompt: prompt, output: output, expected: expected)
        }
    }

    /// A reversed answer read as a number: `"290"` → `"92"`; text that is not digits stays as it is.
    static func readable(_ reversedAnswer: String) -> String {
        guard !reversedAnswer.isEmpty, reversedAnswer.allSatisfy(\.isNumber) else { return reversedAnswer.isEmpty ? "∅" : reversedAnswer }
        return String(Int(String(reversedAnswer.reversed())) ?? 0)
    }

    /// The largest absolute difference between two models' logits on `ids`.
    static func largestLogitDifference(_ a: any LanguageModel, _ b: any LanguageModel, ids: [Int]) -> Float {
        withNoGrad {
            let x = a.logits(ids, batchSize: 1, cache: nil).value.scalars
            let y = b.logits(ids, batchSize: 1, cache: nil).value.scalars
            return zip(x, y).map { abs($0 - $1) }.max() ?? .infinity
        }
    }
}
