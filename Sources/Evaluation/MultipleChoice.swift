/// Multiple-choice scoring by log-likelihood, as lm-evaluation-harness scores tasks such as
/// HellaSwag or ARC: the model never writes an answer; each choice is appended to the question
/// and the model's log-probability of the choice's tokens decides.
///
///     acc       picks argmaxᵢ  log P(choiceᵢ | question)
///     acc_norm  picks argmaxᵢ  log P(choiceᵢ | question) / len(choiceᵢ)   (len in characters)
///
/// Longer choices collect more negative log-probability, so `acc` favors short answers;
/// dividing by the length in characters (not tokens, so tokenizers compare) removes most of
/// that bias. Ties go to the first choice, as `argmax` does.
public enum MultipleChoice {
    public struct Question: Sendable, Equatable, Codable {
        public let question: String
        public let choices: [String]
        public let answer: Int

        public init(question: String, choices: [String], answer: Int) {
            self.question = question; self.choices = choices; self.answer = answer
        }
    }

    // ANCHOR: pick
    /// The index `acc` picks and the index `acc_norm` picks, from each choice's summed
    /// log-likelihood.
    public static func pick(logLikelihoods: [Double], choices: [String]) -> (acc: Int, accNorm: Int) {
        precondition(logLikelihoods.count == choices.count && !choices.isEmpty, "one log-likelihood per choice")
        let normalized = zip(logLikelihoods, choices).map { $0 / Double(max(1, $1.count)) }
        return (argmax(logLikelihoods), argmax(normalized))
    }
    // ANCHOR_END: pick

    static func argmax(_ values: [Double]) -> Int {
        var best = 0
        for i in values.indices where values[i] > values[best] { best = i }
        return best
    }

    /// Accuracy of both rules over a benchmark, given a scorer for (context, continuation).
    public static func evaluate(_ questions: [Question],
                                logLikelihood: (_ context: String, _ continuation: String) throws -> Double)
        rethrows -> (acc: Double, accNorm: Double) {
        guard !questions.isEmpty else { return (0, 0) }
        var acc = 0, norm = 0
        for q in questions {
            let scores = try q.choices.map { try logLikelihood(q.question, $0) }
            let picked = pick(logLikelihoods: scores, choices: q.choices)
            if picked.acc == q.answer { acc += 1 }
            if picked.accNorm == q.answer { norm += 1 }
        }
        return (Double(acc) / Double(questions.count), Double(norm) / Double(questions.count))
    }
}
