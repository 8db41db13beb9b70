import Testing
@testable import Agents

@Suite struct AgentLoopTests {
    let world = WordProblemWorld(seed: 42)

    @Test func runsAScriptedModelToAnExactTrace() throws {
        let model = ScriptedAgentModel(["Thought: look up the crate first", "Action: lookup[crate]", "Action: calc[7*\(world.containers[0].count)]",
                                        "Answer: \(7 * world.containers[0].count)"])
        let loop = AgentLoop(model: model, toolbox: world.toolbox)
        let trace = try loop.run(question: "Ana buys 7 crates. How many eggs?")
        let n = world.containers[0].count
        #expect(trace.steps == [
            .thought("look up the crate first"),
            .call(ToolCall(tool: "lookup", argument: "crate"), observation: "a crate holds \(n) eggs"),
            .call(ToolCall(tool: "calc", argument: "7*\(n)"), observation: "\(7 * n)"),
            .answer("\(7 * n)"),
        ])
        #expect(trace.stop == .answered)
        #expect(trace.transcript == """
            Tools: calc lookup
            Question: Ana buys 7 crates. How many eggs?
            Thought: look up the crate first
            Action: lookup[crate]
            Observation: a crate holds \(n) eggs
            Action: calc[7*\(n)]
            Observation: \(7 * n)
            Answer: \(7 * n)

            """)
        // The model saw the transcript so far before each line, and always with the tools listed.
        #expect(model.prompts.count == 4)
        #expect(model.prompts[0] == "Tools: calc lookup\nQuestion: Ana buys 7 crates. How many eggs?\n")
        #expect(model.prompts[2].hasSuffix("Observation: a crate holds \(n) eggs\n"))
    }

    @Test func aMalformedCallBecomesAnErrorObservation() throws {
        let model = ScriptedAgentModel(["Action: calc(3+4)", "Action: calc[3+4]", "Answer: 7"])
        let trace = try AgentLoop(model: model, toolbox: world.toolbox).run(question: "What is 3+4?")
        #expect(trace.steps == [.malformed(line: "Action: calc(3+4)", error: .missingOpenBracket(tool: "calc")),
                                .call(ToolCall(tool: "calc", argument: "3+4"), observation: "7"), .answer("7")])
        #expect(trace.transcript.contains("Observation: Error: \"[\" expected after the tool name \"calc\"\n"))
        var score = AgentScore()
        score.record(trace, for: WordProblem(question: "What is 3+4?", calls: [ToolCall(tool: "calc", argument: "3+4")], answer: "7"))
        #expect(score.actions == 2 && score.validActions == 1 && score.validity == 0.5)
        #expect(score.correctCalls == 1 && score.correctAnswers == 1)
    }

    @Test func toolErrorsAreObservationsNotCrashes() throws {
        let model = ScriptedAgentModel(["Action: calc[7/0]", "Action: lookup[zebra]", "Answer: ?"])
        let trace = try AgentLoop(model: model, toolbox: world.toolbox).run(question: "?")
        #expect(trace.steps.prefix(2) == [.call(ToolCall(tool: "calc", argument: "7/0"), observation: "Error: division by zero"),
                                          .call(ToolCall(tool: "lookup", argument: "zebra"), observation: "Error: no fact matches \"zebra\"")])
    }

    @Test func aModelThatNeverAnswersStopsAtTheStepLimit() throws {
        let model = ScriptedAgentModel(["Action: calc[1+1]"])
        let trace = try AgentLoop(model: model, toolbox: world.toolbox, maxSteps: 3).run(question: "?")
        #expect(trace.stop == .stepLimit)
        #expect(trace.calls.count == 3 && trace.answer == nil)
    }

    @Test func anEmptyLineStopsTheRun() throws {
        let trace = try AgentLoop(model: ScriptedAgentModel([""]), toolbox: world.toolbox).run(question: "?", useTools: false)
        #expect(trace.stop == .noOutput && trace.steps.isEmpty)
        #expect(trace.prompt == "Tools: none\nQuestion: ?\n")
    }
}
