/// Verifier-guided selection: keep the first sampled answer that a checker accepts.
///
/// When answers can be checked — a sum recomputed, a program run against its tests, a proof
/// given to a proof checker — generating many candidates and returning one that passes is the
/// strongest use of extra samples: with a perfect checker, accuracy at `n` samples equals
/// pass@n, the chance that any of them is right. Cobbe et al. (2021) train a *verifier* to
/// estimate that check where no exact one exists and rank 100 samples by it; with a scored
/// verifier, use ``BestOfN/pick(_:score:)`` on its scores instead.
///
/// When the checker rejects every candidate, an answer is still owed: fall back to the
/// majority vote (``MajorityVote``), which is right more often than a random sample.
///
/// ```swift
/// let samples = [" 11.", " 13.", " 11.", " 12."]
/// let choice = VerifiedSelection.pick(samples,
///                                     normalize: { Int($0.filter(\.isNumber)) },
///                                     verify: { Int($0.filter(\.isNumber)) == 12 })
/// // Choice(index: 3, verified: true); with no " 12." it would be
/// // Choice(index: 0, verified: false): the majority's first sample.
/// ```
public enum VerifiedSelection {
    /// Which candidate to return, and whether the verifier vouched for it.
    public struct Choice: Hashable, Sendable {
        public let index: Int
        /// `false`: nothing passed and `index` is the majority vote's.
        public let verified: Bool

        public init(index: Int, verified: Bool) {
            self.index = index
            self.verified = verified
        }
    }

    // ANCHOR: verified
    /// The first candidate `verify` accepts; else the first candidate of
    /// the majority answer (ties as in ``MajorityVote/winner(_:normalize:)``).
    /// `nil` when nothing passes and no candidate has an answer.
    ///
    /// Candidates are checked in order and the search stops at the first
    /// pass, so an expensive verifier runs only as often as needed.
    public static func pick<Candidate, Answer: Hashable>(
        _ candidates: some Collection<Candidate>,
        normalize: (Candidate) throws -> Answer?,
        verify: (Candidate) throws -> Bool
    ) rethrows -> Choice? {
        for (index, candidate) in candidates.enumerated()
        where try verify(candidate) {
            return Choice(index: index, verified: true)
        }
        guard let majority = try MajorityVote.winner(
            candidates, normalize: normalize) else { return nil }
        return Choice(index: majority.firstIndex, verified: false)
    }
    // ANCHOR_END: verified
}
