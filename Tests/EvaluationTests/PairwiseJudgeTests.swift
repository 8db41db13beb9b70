import Testing
@testable import Evaluation

@Suite("Pairwise judge")
struct PairwiseJudgeTests {
    @Test("a judge that always says A is never consistent; position A wins every verdict")
    func alwaysA() {
        let j = PairwiseJudge.judge(question: "3 plus 5 is", answers: ("8", "9")) { _ in 1.5 }
        #expect(j.inOrder == .first && j.swapped == .second && !j.consistent && j.verdict == .tie && j.positionAWins == 2)
        let s = PairwiseJudge.Summary([j, j])
        #expect(s.consistency == 0 && s.positionA == 1 && s.accuracyWhenFirst == 1 && s.accuracyWhenSecond == 0)
        #expect(s.swapRuleCorrect == 0 && s.swapRuleTies == 1)
    }

    @Test("a judge that reads the content is consistent, and the swap rule keeps its verdict")
    func readsContent() {
        // Prefers whichever position holds "8".
        let margin: (String) -> Double = { $0.contains("Answer A: 8\n") ? 2 : -2 }
        let j = PairwiseJudge.judge(question: "3 plus 5 is", answers: ("8", "9"), margin: margin)
        #expect(j.consistent && j.verdict == .first && j.positionAWins == 1)
        let wrong = PairwiseJudge.judge(question: "3 plus 5 is", answers: ("9", "8"), margin: margin)
        #expect(wrong.verdict == .second)
        let s = PairwiseJudge.Summary([j, wrong])
        #expect(s.consistency == 1 && s.positionA == 0.5 && s.swapRuleCorrect == 0.5 && s.swapRuleTies == 0)
    }

    @Test("the prompt names both answers in order, and both orders are asked")
    func prompts() {
        var asked: [String] = []
        _ = PairwiseJudge.judge(question: "q", answers: ("x", "y")) { asked.append($0); return 0 }
        #expect(asked == ["Question: q\nAnswer A: x\nAnswer B: y\nThe correct answer is",
                          "Question: q\nAnswer A: y\nAnswer B: x\nThe correct answer is"])
    }
}
