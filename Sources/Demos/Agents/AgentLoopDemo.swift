import Agents

/// `llmcourse run agent-loop`: the calculator and the call parser on examples, one scripted run
/// printed line by line, and the loop's failure modes, each provoked on purpose.
enum AgentLoopDemo {
    static let demo = Demo(id: "agent-loop", summary: "A ReAct loop with a calculator and a lookup tool, its parser and its failure modes",
                           inputs: ["Sources/Agents"]) { ctx in
        let world = WordProblemWorld(seed: ctx.seed)
        let toolbox = world.toolbox

        ctx.heading(ctx.tr("1. The calculator is a parser, not eval"))
        let expressions = ["17*3+4", "(2+3)*4", "8-3-2", "7/(3-3)", "2+*3", "__import__(\"os\")"]
        ctx.table([ctx.tr("argument"), ctx.tr("observation")], expressions.map { text in
            let out: String
            do { out = try Calculator().run(text) } catch { out = "Error: \(error)" }
            return [text, out]
        })

        ctx.heading(ctx.tr("2. Parsing Action lines"))
        let lines = ["Action: calc[17*3+4]", "Action: calc(17*3+4)", "Action: calc[17*3+4", "Action: calc[]",
                     "Action: calc[3] then 4", "Action: search[eggs]"]
        for line in lines {
            switch ToolCall.parse(line, known: toolbox.names) {
            case .success(let call): ctx.say("{0} → tool {1}, argument {2}", line, call.tool, call.argument)
            case .failure(let error): ctx.say("{0} → rejected: {1}", line, "\(error)")
            }
        }

        ctx.heading(ctx.tr("3. One run, line by line"))
        let kind = world.containers[0]
        let n = kind.count
        let script = ScriptedAgentModel(["Action: lookup[\(kind.container)]", "Action: calc[7*\(n)]", "Answer: \(7 * n)"])
        let trace = try AgentLoop(model: script, toolbox: toolbox).run(question: "Ana buys 7 \(kind.container)s. How many \(kind.items)?")
        for line in trace.transcript.split(separator: "\n") { ctx.print("  " + line) }
        ctx.say("The model wrote {0} lines; the loop wrote {1} observations.", String(script.prompts.count), String(trace.calls.count))

        ctx.heading(ctx.tr("4. Failure modes, provoked"))
        let cases: [(String, [String], Int)] = [
            ("malformed call, then corrected", ["Action: calc(6*7)", "Action: calc[6*7]", "Answer: 42"], 4),
            ("wrong tool for the job", ["Action: lookup[6*7]", "Answer: 42"], 4),
            ("tool error: division by zero", ["Action: calc[6/0]", "Answer: 0"], 4),
            ("the same call forever", ["Action: calc[6*7]"], 4),
        ]
        var rows: [[String]] = []
        for (name, lines, limit) in cases {
            let run = try AgentLoop(model: ScriptedAgentModel(lines), toolbox: toolbox, maxSteps: limit).run(question: "What is 6 times 7?")
            let last = run.transcript.split(separator: "\n").last(where: { $0.hasPrefix(ReAct.observation) }).map(String.init) ?? ""
            rows.append([ctx.tr(name), String(run.steps.count), ctx.tr(run.stop == .answered ? "answered" : "step limit")])
            ctx.say("{0}: {1}", ctx.tr(name), last)
        }
        ctx.table([ctx.tr("case"), ctx.tr("steps"), ctx.tr("stop")], rows)
        ctx.say("Errors go back to the model as observations; only the step limit ends a run that never answers.")
    }
}
