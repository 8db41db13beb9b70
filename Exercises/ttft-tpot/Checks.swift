import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a worked example", zh: "手算範例") { c in
        // Sent at 10.0 s; four tokens at 10.25, 10.30, 10.35, 10.45; finished at 10.5.
        let t = try c.expectValue(requestTiming(start: 10.0, tokenTimes: [10.25, 10.30, 10.35, 10.45], end: 10.5), "timing")
        try c.expectClose(t.ttft, 0.25, atol: 1e-12, rtol: 1e-9, "TTFT")
        try c.expectClose(try c.expectValue(t.tpot, "TPOT"), 0.2 / 3, atol: 1e-12, rtol: 1e-9, "TPOT = (10.45 − 10.25) / 3")
        try c.expectClose(t.latency, 0.5, atol: 1e-12, rtol: 1e-9, "latency")
        try c.expectEqual(t.outputTokens, 4, "output tokens")
    }
    suite.check("one token has no TPOT; no token, no timing", zh: "只有一個詞元時沒有 TPOT；沒有詞元就沒有計時") { c in
        let one = try c.expectValue(requestTiming(start: 1, tokenTimes: [1.2], end: 1.3), "timing of one token")
        try c.expect(one.tpot == nil, "TPOT of a single token should be nil (there is no gap between tokens), got \(String(describing: one.tpot))")
        try c.expectClose(one.ttft, 0.2, atol: 1e-12, rtol: 1e-9, "TTFT of one token")
        try c.expect(requestTiming(start: 0, tokenTimes: [], end: 1) == nil, "no tokens should give nil")
    }
    suite.check("TPOT leaves the first token out", zh: "TPOT 不把第一個詞元算進去") { c in
        // A slow prefill (1 s) then tokens 10 ms apart: TPOT is 10 ms, not (end − start) / n.
        let times = [1.0] + (1...9).map { 1.0 + 0.01 * Double($0) }
        let t = try c.expectValue(requestTiming(start: 0, tokenTimes: times, end: 1.1), "timing")
        try c.expectClose(try c.expectValue(t.tpot, "TPOT"), 0.01, atol: 1e-12, rtol: 1e-9, "TPOT after a 1 s prefill")
    }
    suite.check("matches the library on random streams", zh: "在隨機的串流上與函式庫一致", points: 2) { c in
        for _ in 0..<30 {
            let start = c.double(in: 0...100)
            var t = start + c.double(in: 0...2)
            var times: [Double] = []
            for _ in 0..<c.int(in: 0...40) { times.append(t); t += c.double(in: 0...0.1) }
            let end = t + c.double(in: 0...0.05)
            let expected = RequestTiming.from(start: start, tokenTimes: times, end: end)
            let got = requestTiming(start: start, tokenTimes: times, end: end)
            guard let expected else { try c.expect(got == nil, "\(times.count) tokens: expected nil"); continue }
            let g = try c.expectValue(got, "timing of \(times.count) tokens")
            try c.expectClose(g.ttft, expected.ttft, atol: 1e-12, rtol: 1e-9, "TTFT of \(times.count) tokens")
            try c.expectClose(g.latency, expected.latency, atol: 1e-12, rtol: 1e-9, "latency of \(times.count) tokens")
            try c.expectEqual(g.outputTokens, expected.outputTokens, "output tokens")
            if let tpot = expected.tpot {
                try c.expectClose(try c.expectValue(g.tpot, "TPOT"), tpot, atol: 1e-12, rtol: 1e-9, "TPOT of \(times.count) tokens")
            } else {
                try c.expect(g.tpot == nil, "TPOT of one token should be nil")
            }
        }
    }
}
