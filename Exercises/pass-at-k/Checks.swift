import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("n = 10, c = 3: pass@1 = 0.3 and pass@5 = 1 − 21/252", zh: "n = 10、c = 3：pass@1 = 0.3，pass@5 = 1 − 21/252") { c in
        try c.expectClose(passAtK(n: 10, correct: 3, k: 1), 0.3, atol: 1e-12, "pass@1")
        try c.expectClose(passAtK(n: 10, correct: 3, k: 5), 1 - 21.0 / 252, atol: 1e-12, "pass@5")
    }
    suite.check("edge cases: nothing correct, everything correct, fewer wrong samples than k", zh: "邊界情況：全錯、全對、錯的樣本比 k 少") { c in
        try c.expectClose(passAtK(n: 20, correct: 0, k: 5), 0, atol: 0, "c = 0")
        try c.expectClose(passAtK(n: 20, correct: 20, k: 1), 1, atol: 0, "c = n")
        try c.expectClose(passAtK(n: 5, correct: 2, k: 4), 1, atol: 0, "n − c = 3 < k = 4")
        try c.expectClose(passAtK(n: 6, correct: 1, k: 6), 1, atol: 0, "k = n with one correct")
    }
    suite.check("equals the count over every k-subset for n ≤ 9", zh: "n ≤ 9 時等於逐一列舉所有 k 子集合的結果", points: 2) { c in
        for n in 1...9 { for correct in 0...n { for k in 1...n {
            try c.expectClose(passAtK(n: n, correct: correct, k: k), PassAtK.bySubsets(n: n, correct: correct, k: k),
                              atol: 1e-12, "n \(n), c \(correct), k \(k)")
        } } }
    }
    suite.check("stays finite where the binomials overflow (n = 2000)", zh: "在二項式係數會溢位的地方（n = 2000）仍是有限值") { c in
        for (correct, k) in [(1, 1000), (10, 1000), (500, 100), (3, 1)] {
            try c.expectClose(passAtK(n: 2000, correct: correct, k: k), PassAtK.estimate(n: 2000, correct: correct, k: k),
                              atol: 1e-9, "n 2000, c \(correct), k \(k)")
        }
    }
}
