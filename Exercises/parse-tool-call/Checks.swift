import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    let known = ["calc", "lookup"]
    suite.check("valid calls", zh: "合法的呼叫") { c in
        try c.expectEqual(parseAction("Action: calc[17*3+4]", known: known), .success(ToolCall(tool: "calc", argument: "17*3+4")), "calc[17*3+4]")
        try c.expectEqual(parseAction("Action: lookup[a crate]\n", known: known), .success(ToolCall(tool: "lookup", argument: "a crate")),
                          "a trailing newline is ignored")
        try c.expectEqual(parseAction("Action: calc[ 2 + 3 ]  ", known: known), .success(ToolCall(tool: "calc", argument: " 2 + 3 ")),
                          "spaces inside the brackets are kept")
    }
    suite.check("each malformed line names its problem", zh: "每種格式錯誤都指出問題", points: 2) { c in
        let cases: [(String, ToolCallError)] = [
            ("Answer: 55", .notAnAction), ("Action: [1+2]", .missingToolName), ("Action: Calc[1]", .missingToolName),
            ("Action: calc(1+2)", .missingOpenBracket(tool: "calc")), ("Action: calc[1+2", .missingCloseBracket),
            ("Action: calc[]", .emptyArgument), ("Action: calc[[3]]", .nestedBracket),
            ("Action: calc[3] and more", .trailingText(" and more")),
            ("Action: search[eggs]", .unknownTool("search", known: known)),
        ]
        for (line, error) in cases { try c.expectEqual(parseAction(line, known: known), .failure(error), line) }
    }
    suite.check("matches the library on random lines", zh: "在隨機的行上與函式庫一致", points: 2) { c in
        let pieces = ["Action: ", "Action:", "Answer: ", "calc", "lookup", "Search", "x_1", "[", "]", "[", "17*3", " ", "+4", "(", "crate", "\n"]
        for _ in 0..<300 {
            let line = (0..<c.int(in: 1...7)).map { _ in pieces[c.int(in: 0...(pieces.count - 1))] }.joined()
            let full = (c.int(in: 0...2) == 0 ? "" : "Action: ") + line
            try c.expectEqual(parseAction(full, known: known), ToolCall.parse(full, known: known), full.debugDescription)
        }
    }
}
