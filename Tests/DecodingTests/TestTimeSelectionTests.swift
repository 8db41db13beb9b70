import Testing
@testable import Decoding

/// Best-of-n, majority vote and verifier-guided selection on answers small enough to count by hand.
@Suite("Test-time selection: best-of-n, majority vote, verifier")
struct TestTimeSelectionTests {
    /// `" 12."` → 12; anything without digits → nil (no vote).
    static func number(_ text: String) -> Int? { Int(text.filter(\.isNumber)) }

    @Test func bestOfNTakesTheHighestScoreAndTheEarliestOfTies() {
        #expect(BestOfN.pick([-2.1, -0.7, -3.0]) { $0 } == 1)
        #expect(BestOfN.pick([-0.7, -2.1, -0.7]) { $0 } == 0)
        #expect(BestOfN.pick([Double.nan, -5, .nan]) { $0 } == 1)
        #expect(BestOfN.pick([Double.nan]) { $0 } == nil)
        #expect(BestOfN.pick([Double]()) { $0 } == nil)
        #expect(BestOfN.pick(["a", "abc", "ab"]) { Double($0.count) } == 1)
    }

    @Test func majorityCountsNormalizedAnswers() {
        let samples = [" 12.", " 13.", "12", " 12 ", " 13.", "twelve"]
        let tally = MajorityVote.tally(samples, normalize: Self.number)
        #expect(tally == [.init(answer: 12, votes: 3, firstIndex: 0), .init(answer: 13, votes: 2, firstIndex: 1)])
        #expect(MajorityVote.winner(samples, normalize: Self.number) == .init(answer: 12, votes: 3, firstIndex: 0))
    }

    @Test func aTieGoesToTheAnswerSeenFirst() {
        // 8 and 7 both have two votes; 8's first vote (index 1) is before 7's (index 2).
        let samples = ["x", " 8.", " 7.", " 7.", " 8.", " 9."]
        #expect(MajorityVote.winner(samples, normalize: Self.number) == .init(answer: 8, votes: 2, firstIndex: 1))
        // The same multiset in another order: the other answer wins.
        #expect(MajorityVote.winner([" 7.", " 8.", " 8.", " 7."], normalize: Self.number)?.answer == 7)
        // A later answer overtakes only with strictly more votes.
        #expect(MajorityVote.winner([" 7.", " 8.", " 8."], normalize: Self.number)?.answer == 8)
    }

    @Test func nothingToVoteOnGivesNil() {
        #expect(MajorityVote.winner(["?", "", "none"], normalize: Self.number) == nil)
        #expect(MajorityVote.winner([String](), normalize: Self.number) == nil)
        #expect(MajorityVote.tally(["?"], normalize: Self.number).isEmpty)
    }

    @Test func normalizationDecidesWhatCountsAsTheSameAnswer() {
        let words = ["Paris", "paris.", " PARIS", "Lyon", "Lyon"]
        #expect(MajorityVote.winner(words) { $0 }?.answer == "Lyon")
        let folded = MajorityVote.winner(words) { $0.lowercased().filter(\.isLetter) }
        #expect(folded == .init(answer: "paris", votes: 3, firstIndex: 0))
    }

    @Test func theVerifierPicksTheFirstAcceptedCandidate() {
        let samples = [" 11.", " 13.", " 11.", " 12.", " 12."]
        var checked = 0
        let choice = VerifiedSelection.pick(samples, normalize: Self.number) { checked += 1; return Self.number($0) == 12 }
        #expect(choice == .init(index: 3, verified: true))
        #expect(checked == 4, "the search stops at the first pass")
    }

    @Test func withoutAPassItFallsBackToTheMajority() {
        let samples = [" 13.", " 11.", " 11.", "?"]
        #expect(VerifiedSelection.pick(samples, normalize: Self.number) { _ in false } == .init(index: 1, verified: false))
        #expect(VerifiedSelection.pick(["?", "!"], normalize: Self.number) { _ in false } == nil)
    }
}
