import LLMCourseKit

/// `" 12."` → `"12"`; a sample without digits states no answer.
func digits(_ sample: String) -> String? {
    let kept = sample.filter { $0.isASCII && $0.isNumber }
    return kept.isEmpty ? nil : kept
}

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example: three votes beat two", zh: "手算範例：三票勝過兩票") { c in
        try c.expectEqual(majorityVote([" 12.", " 13.", "12", " 12 ", " 13."], normalize: digits), "12", "majorityVote")
        try c.expectEqual(majorityVote([" 5.", " 6.", " 6."], normalize: digits), "6", "a later answer with more votes")
        try c.expectEqual(majorityVote([" 9."], normalize: digits), "9", "a single sample")
    }
    suite.check("a tie goes to the answer seen first", zh: "平手時，先出現的答案勝出", points: 2) { c in
        try c.expectEqual(majorityVote([" 8.", " 7.", " 7.", " 8."], normalize: digits), "8", "8 and 7 tie, 8 first")
        try c.expectEqual(majorityVote([" 7.", " 8.", " 8.", " 7."], normalize: digits), "7", "the same votes, 7 first")
        try c.expectEqual(majorityVote(["?", " 3.", " 4.", " 5.", " 5.", " 4.", " 3."], normalize: digits), "3",
                          "a three-way tie after a sample with no answer")
        try c.expectEqual(majorityVote(["b", "a", "c"], normalize: { $0 }), "b", "every answer once")
    }
    suite.check("samples without an answer cast no vote; no votes give nil", zh: "沒有答案的樣本不投票；沒有任何票時傳回 nil") { c in
        try c.expectEqual(majorityVote(["?", " 5.", "?", "??"], normalize: digits), "5", "one vote against three non-answers")
        try c.expectEqual(majorityVote(["?", "!"], normalize: digits), nil, "nothing to vote on")
        try c.expectEqual(majorityVote([], normalize: digits), nil, "no samples")
    }
    suite.check("normalize decides which samples agree", zh: "normalize 決定哪些樣本算同一個答案") { c in
        let samples = ["Paris", "paris.", " PARIS", "Lyon", "Lyon"]
        try c.expectEqual(majorityVote(samples, normalize: { $0 }), "Lyon", "samples compared as written")
        try c.expectEqual(majorityVote(samples, normalize: { String($0.lowercased().filter(\.isLetter)) }), "paris",
                          "case and punctuation folded")
    }
    suite.check("matches the library on random samples full of ties", zh: "在充滿平手的隨機樣本上與函式庫一致", points: 2) { c in
        let pool = [" 7.", " 8.", "8", " 9.", "?", " 10.", "x"]
        for _ in 0..<40 {
            let samples = (0..<c.int(in: 0...12)).map { _ in c.pick(pool) }
            try c.expectEqual(majorityVote(samples, normalize: digits), MajorityVote.winner(samples, normalize: digits)?.answer,
                              "majorityVote(\(samples))")
        }
    }
}
