import Testing
@testable import Agents

@Suite struct ToolCallTests {
    let known = ["calc", "lookup"]

    @Test func parsesAValidCall() {
        #expect(ToolCall.parse("Action: calc[17*3+4]", known: known) == .success(ToolCall(tool: "calc", argument: "17*3+4")))
        #expect(ToolCall.parse("Action: lookup[a crate]\n", known: known) == .success(ToolCall(tool: "lookup", argument: "a crate")))
        #expect(ToolCall(tool: "calc", argument: "1+2").description == "Action: calc[1+2]")
    }

    @Test(arguments: [
        ("Answer: 55", ToolCallError.notAnAction),
        ("action: calc[1]", .notAnAction),
        ("Action: [1+2]", .missingToolName),
        ("Action: Calc[1+2]", .missingToolName),
        ("Action: 9calc[1]", .missingToolName),
        ("Action: calc 1+2", .missingOpenBracket(tool: "calc")),
        ("Action: calc(1+2)", .missingOpenBracket(tool: "calc")),
        ("Action: calc[1+2", .missingCloseBracket),
        ("Action: calc[]", .emptyArgument),
        ("Action: calc[  ]", .emptyArgument),
        ("Action: calc[[3]]", .nestedBracket),
        ("Action: calc[3] and more", .trailingText(" and more")),
        ("Action: search[eggs]", .unknownTool("search", known: ["calc", "lookup"])),
    ])
    func reportsEachMalformedCall(_ line: String, _ error: ToolCallError) {
        #expect(ToolCall.parse(line, known: known) == .failure(error))
    }

    @Test func withoutAToolListAnyNameParses() {
        #expect(ToolCall.parse("Action: search[eggs]") == .success(ToolCall(tool: "search", argument: "eggs")))
    }

    @Test func errorsSayWhatWasExpected() {
        #expect("\(ToolCallError.missingOpenBracket(tool: "calc"))" == "\"[\" expected after the tool name \"calc\"")
        #expect("\(ToolCallError.unknownTool("x", known: ["calc"]))" == "unknown tool \"x\" (known: calc)")
    }

    @Test func classifiesLines() {
        #expect(ReAct.Line("Answer: 55") == .answer("55"))
        #expect(ReAct.Line("Thought: multiply first") == .thought("multiply first"))
        #expect(ReAct.Line("Action: calc[1]") == .action("Action: calc[1]"))
        #expect(ReAct.Line("Observation: 3") == .other("Observation: 3"))
    }
}
