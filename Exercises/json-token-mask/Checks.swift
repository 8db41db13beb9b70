import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    /// `(ab|c)+` by hand: 0 start, 1 after `a`, 2 accepting (after `b` or `c`).
    func handMade() -> (transitions: [[Int]], accepting: [Bool]) {
        var t = [[Int]](repeating: [Int](repeating: -1, count: 256), count: 3)
        t[0][97] = 1; t[0][99] = 2
        t[1][98] = 2
        t[2][97] = 1; t[2][99] = 2
        return (t, [false, false, true])
    }
    let tokens: [[UInt8]] = [[97], [98], [99], [97, 98], [98, 99], [99, 97, 98], [], [97, 97], [120]]  // a b c ab bc cab "" aa x
    let end = 6

    suite.check("a hand-made automaton for (ab|c)+", zh: "為 (ab|c)+ 手工做的自動機") { c in
        let (t, acc) = handMade()
        try c.expectEqual(allowedTokens(transitions: t, accepting: acc, state: 0, tokenBytes: tokens, endToken: end),
                          [true, false, true, true, false, true, false, false, false], "mask in the start state")
        try c.expectEqual(allowedTokens(transitions: t, accepting: acc, state: 1, tokenBytes: tokens, endToken: end),
                          [false, true, false, false, true, false, false, false, false], "mask after \"a\"")
        try c.expectEqual(allowedTokens(transitions: t, accepting: acc, state: 2, tokenBytes: tokens, endToken: end),
                          [true, false, true, true, false, true, true, false, false], "mask after \"c\" (accepting: the end token is allowed)")
    }

    suite.check("special tokens without bytes are never allowed", zh: "沒有位元組的特殊詞元永遠不允許") { c in
        let (t, acc) = handMade()
        let mask = allowedTokens(transitions: t, accepting: acc, state: 2, tokenBytes: [[], [99], []], endToken: 1)
        try c.expectEqual(mask, [false, true, false], "mask with end token 1 = \"c\" in an accepting state")
    }

    suite.check("matches the library on DFAs built from JSON schemas", zh: "在由 JSON schema 建出的 DFA 上與函式庫一致", points: 2) { c in
        let schemas = [#"{"type":"object","properties":{"ok":{"type":"boolean"},"n":{"type":"integer"}},"required":["ok"]}"#,
                       #"{"type":"array","items":{"enum":["red","green",null]},"maxItems":3}"#]
        let pieces = ["{", "\"", "ok", "\":", "true", "fa", "lse", ",\"n", "\":-", "12", "0", "}", "[", "]", "\"red\"", ",", "null", "gre", "en\"", "x", "中"]
        for schema in schemas {
            let output = try StructuredOutput.jsonSchema(schema)
            // Explore the automaton from the start to get a table of the states met.
            var states: [Int32] = [output.dfa.start], seen: Set<Int32> = [output.dfa.start]
            var i = 0
            while i < states.count && states.count < 60 {
                for b in 0..<256 {
                    let n = output.dfa.walk(states[i], [UInt8(b)])
                    if n >= 0 && seen.insert(n).inserted { states.append(n) }
                }
                i += 1
            }
            let number = Dictionary(uniqueKeysWithValues: states.enumerated().map { ($1, $0) })
            let table = states.map { s in (0..<256).map { b -> Int in
                let n = output.dfa.walk(s, [UInt8(b)]); return n < 0 ? -1 : number[n] ?? -1 } }
            let accepting = states.map { output.dfa.isAccepting($0) }
            var vocabulary = pieces.map { Array($0.utf8) } + [[]]
            for _ in 0..<20 { vocabulary.append(Array(c.pick(pieces).utf8) + Array(c.pick(pieces).utf8)) }
            for _ in 0..<8 {
                let s = c.int(in: 0...(states.count - 1))
                let end = c.int(in: 0...(vocabulary.count - 1))
                let expected = TokenMask.allowed(from: s, tokenBytes: vocabulary, endToken: end, accepting: { accepting[$0] },
                                                 step: { table[$0][Int($1)] })
                try c.expectEqual(allowedTokens(transitions: table, accepting: accepting, state: s, tokenBytes: vocabulary, endToken: end),
                                  expected, "mask in state \(s) of \(schema)")
            }
        }
    }
}
