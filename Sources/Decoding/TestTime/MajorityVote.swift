/// Majority vote over sampled answers: self-consistency (Wang et al. 2022).
///
/// Sample several answers (or reasoning paths) to one question at a temperature above zero,
/// reduce each to its final answer with `normalize`, and return the answer reached most often.
/// Paths that differ in their wording but end at the same result vote together. The bet is
/// that right paths agree with each other while wrong ones scatter over many different wrong
/// results, so the mode of the answers is right more often than any single sample. No
/// scorer and no extra model: only more samples.
///
/// **Tie rule.** Among answers with the same number of votes, the one whose first vote came
/// earliest (lowest candidate index) wins. The result therefore depends only on the order of
/// the samples, never on hashing, and the same samples always give the same answer.
///
/// ```swift
/// let samples = [" 7.", " 8.", "8", " 7.", "??"]
/// let vote = MajorityVote.winner(samples) { Int($0.filter(\.isNumber)) }
/// // 7 and 8 have two votes each; 7 was seen first (index 0), so
/// // vote == Tally(answer: 7, votes: 2, firstIndex: 0). "??" casts no vote.
/// ```
public enum MajorityVote {
    /// One distinct answer: how many candidates gave it and where it first appeared.
    public struct Tally<Answer: Hashable>: Hashable {
        public let answer: Answer
        public let votes: Int
        /// The index of the first candidate that normalizes to `answer`.
        public let firstIndex: Int

        public init(answer: Answer, votes: Int, firstIndex: Int) {
            self.answer = answer
            self.votes = votes
            self.firstIndex = firstIndex
        }
    }

    // ANCHOR: tally
    /// The votes per normalized answer, in order of first appearance.
    /// A candidate whose `normalize` returns `nil` (no answer to read) casts
    /// no vote.
    public static func tally<Candidate, Answer: Hashable>(
        _ candidates: some Collection<Candidate>,
        normalize: (Candidate) throws -> Answer?
    ) rethrows -> [Tally<Answer>] {
        var order: [Answer] = []
        var votes: [Answer: (count: Int, first: Int)] = [:]
        for (index, candidate) in candidates.enumerated() {
            guard let answer = try normalize(candidate) else { continue }
            if votes[answer] == nil { order.append(answer) }
            votes[answer, default: (0, index)].count += 1
        }
        return order.map { answer in
            let v = votes[answer]!
            return Tally(answer: answer, votes: v.count, firstIndex: v.first)
        }
    }

    /// The answer with the most votes; a tie goes to the answer seen
    /// first. `nil` when no candidate has an answer.
    public static func winner<Candidate, Answer: Hashable>(
        _ candidates: some Collection<Candidate>,
        normalize: (Candidate) throws -> Answer?
    ) rethrows -> Tally<Answer>? {
        var best: Tally<Answer>?
        // In order of first appearance: only a strictly larger count
        // replaces the leader, so the earliest of tied answers stays.
        for t in try tally(candidates, normalize: normalize)
        where t.votes > (best?.votes ?? 0) {
            best = t
        }
        return best
    }
    // ANCHOR_END: tally
}
