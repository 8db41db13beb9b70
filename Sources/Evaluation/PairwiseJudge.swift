/// A model as a judge of two answers, asked twice with the answers in both orders, so that a
/// verdict that follows position instead of content shows itself.
///
/// The judge reads a prompt naming two answers, and its verdict is whichever label it finds
/// more likely next: `margin = log P(" A" | prompt) − log P(" B" | prompt)`, positive for the
/// answer shown first. Asking once per order gives two verdicts about the same pair:
///
///     consistent   the same answer wins in both orders (its label changes with its place)
///     first wins   the answer in the first position wins, whichever it is
///
/// An unbiased judge is consistent, and the first position wins half of the inconsistent
/// cases at most; a judge that always says " A" is never consistent and the first position
/// always wins. The usual remedy keeps only consistent verdicts and calls the rest a tie
/// (MT-Bench's "swap" rule).
///
/// ```swift
/// let j = PairwiseJudge.judge(question: "3 plus 5 is", answers: ("8", "9")) { prompt in
///     try scorer.logLikelihood(context: prompt, continuation: " A") - scorer.logLikelihood(context: prompt, continuation: " B")
/// }
/// j.verdict     // .first (the answer given first, "8"), .second, or .tie
/// ```
public enum PairwiseJudge {
    public enum Verdict: String, Sendable, Equatable { case first, second, tie }

    public struct Judgment: Sendable, Equatable {
        /// Margin for the answer in position A when the pair is shown in the given order…
        public var marginInOrder: Double
        /// …and when it is shown swapped (positive still means position A).
        public var marginSwapped: Double

        /// The winner in the given order: `.first` for the pair's first answer.
        public var inOrder: Verdict { marginInOrder > 0 ? .first : .second }
        /// The winner when swapped, named by the pair's own order (position A is then `.second`).
        public var swapped: Verdict { marginSwapped > 0 ? .second : .first }
        public var consistent: Bool { inOrder == swapped }
        /// How many of the two verdicts went to whichever answer stood in position A.
        public var positionAWins: Int { (marginInOrder > 0 ? 1 : 0) + (marginSwapped > 0 ? 1 : 0) }
        /// The swap rule: the winner of both orders, or a tie.
        public var verdict: Verdict { consistent ? inOrder : .tie }
    }

    // ANCHOR: judge
    /// The judge's prompt for answers in positions A and B.
    public static func prompt(question: String, a: String, b: String) -> String {
        "Question: \(question)\nAnswer A: \(a)\nAnswer B: \(b)\nThe correct answer is"
    }

    /// Judges `answers` in both orders; `margin(prompt)` is log P(" A") − log P(" B").
    public static func judge(question: String, answers: (String, String),
                             margin: (String) throws -> Double) rethrows -> Judgment {
        let inOrder = try margin(prompt(question: question, a: answers.0, b: answers.1))
        let swapped = try margin(prompt(question: question, a: answers.1, b: answers.0))
        return Judgment(marginInOrder: inOrder, marginSwapped: swapped)
    }
    // ANCHOR_END: judge

    /// What a set of judgments says about the judge, when the pair's first answer is the right one.
    public struct Summary: Sendable, Equatable {
        public var count = 0
        /// Share of pairs with the same winner in both orders.
        public var consistency = 0.0
        /// Share of single verdicts that went to position A.
        public var positionA = 0.0
        /// Accuracy of single verdicts with the right answer in position A, and in position B.
        public var accuracyWhenFirst = 0.0, accuracyWhenSecond = 0.0
        /// Share of pairs the swap rule decides correctly, and share it calls a tie.
        public var swapRuleCorrect = 0.0, swapRuleTies = 0.0

        /// `judgments` of pairs whose first answer is correct.
        public init(_ judgments: [Judgment]) {
            guard !judgments.isEmpty else { return }
            let n = Double(judgments.count)
            count = judgments.count
            consistency = Double(judgments.filter(\.consistent).count) / n
            positionA = Double(judgments.reduce(0) { $0 + $1.positionAWins }) / (2 * n)
            accuracyWhenFirst = Double(judgments.filter { $0.inOrder == .first }.count) / n
            accuracyWhenSecond = Double(judgments.filter { $0.swapped == .first }.count) / n
            swapRuleCorrect = Double(judgments.filter { $0.verdict == .first }.count) / n
            swapRuleTies = Double(judgments.filter { $0.verdict == .tie }.count) / n
        }
    }
}
