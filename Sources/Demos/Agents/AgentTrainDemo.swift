import Agents
import Foundation
import Transformers

/// `llmcourse run agent-train`: a tiny GPT trained on ReAct traces (loss on its own lines only),
/// measured before and after, with and without tools, on held-out word problems.
enum AgentTrainDemo {
    static let demo = Demo(id: "agent-train", summary: "A tiny GPT learns to call a calculator and a lookup tool; measured with and without tools",
                           inputs: ["Sources/Agents"]) { ctx in
        let recipe = ToolUseRecipe(seed: ctx.seed, quick: ctx.quick, steps: ctx.quick ? 6 : nil)
        let toolbox = recipe.world.toolbox
        let problems = recipe.trainingProblems
        let heldOut = recipe.heldOutProblems

        ctx.heading(ctx.tr("1. Training traces"))
        ctx.say("{0} generated problems, each with tools; one in {1} also answering at once.", String(problems.count), String(recipe.directShare))
        for line in problems[4].trace(tools: true, toolbox: toolbox).split(separator: "\n") { ctx.print("  " + line) }
        let traces = recipe.trainingTraces
        let own = traces.reduce(0) { $0 + $1.trained.filter { $0 }.count }
        let all = traces.reduce(0) { $0 + $1.ids.count }
        ctx.say("The loss covers {0} of {1} characters ({2}): Action and Answer lines only.", String(own), String(all),
                percent(Double(own) / Double(all)))

        ctx.heading(ctx.tr("2. Before training"))
        let untrained = recipe.makeModel()
        let before = try AgentScore.measure(recipe.loop(untrained), on: heldOut, useTools: true)
        for line in before.1[0].transcript.split(separator: "\n") { ctx.print("  " + line) }
        let silent = before.1.filter { $0.stop == .noOutput }.count
        ctx.say("Untrained, {0} of {1} runs end on an empty line; {2} valid calls in all.", String(silent), String(heldOut.count),
                String(before.0.validActions))

        ctx.heading(ctx.tr("3. Training"))
        let (model, seconds, loaded) = try trainedModel(recipe, ctx)
        if loaded {
            ctx.say("Loaded the trained model from the cache ({0} parameters).", String(model.parameterCount))
        } else {
            ctx.say("{0} steps of {1} traces, {2} parameters, {3} s.", String(recipe.steps), String(recipe.batchSize),
                    String(model.parameterCount), fixed(seconds, 1))
        }

        ctx.heading(ctx.tr("4. After training, {0} held-out problems", String(heldOut.count)))
        let loop = recipe.loop(model)
        let withTools = try AgentScore.measure(loop, on: heldOut, useTools: true)
        let direct = try AgentScore.measure(loop, on: heldOut, useTools: false)
        // One problem of the first kind, and the first that needs the lookup.
        let lookup = heldOut.firstIndex { $0.calls.count == 2 }
        for index in [0] + (lookup.map { [$0] } ?? []) {
            for line in withTools.1[index].transcript.split(separator: "\n") { ctx.print("  " + line) }
        }
        func row(_ name: String, _ score: AgentScore, tools: Bool) -> [String] {
            [ctx.tr(name), tools ? percent(score.validity) : "-", tools ? percent(score.callAccuracy) : "-", percent(score.answerAccuracy)]
        }
        ctx.table([ctx.tr("model"), ctx.tr("valid calls"), ctx.tr("right calls"), ctx.tr("right answers")], [
            row("untrained, tools", before.0, tools: true),
            row("trained, no tools", direct.0, tools: false),
            row("trained, tools", withTools.0, tools: true),
        ])

        ctx.heading(ctx.tr("5. What still goes wrong"))
        var failures = (malformed: 0, wrongTool: 0, wrongArgument: 0, badAnswer: 0, stepLimit: 0)
        for (trace, problem) in zip(withTools.1, heldOut) {
            failures.malformed += trace.malformedCount
            if trace.calls.map(\.tool) != problem.calls.map(\.tool) { failures.wrongTool += 1 }
            else if trace.calls != problem.calls { failures.wrongArgument += 1 }
            else if trace.answer != problem.answer {
                failures.badAnswer += 1
                if failures.badAnswer == 1 {
                    let observation = trace.steps.compactMap { step -> String? in
                        if case .call(_, let text) = step { return text } else { return nil }
                    }.last ?? ""
                    ctx.say("For example: observation {0}, answer {1}.", observation, trace.answer ?? "-")
                }
            }
            if trace.stop == .stepLimit { failures.stepLimit += 1 }
        }
        ctx.table([ctx.tr("failure"), ctx.tr("count")], [
            [ctx.tr("malformed Action lines"), String(failures.malformed)],
            [ctx.tr("wrong tools or order"), String(failures.wrongTool)],
            [ctx.tr("right tools, wrong argument"), String(failures.wrongArgument)],
            [ctx.tr("right calls, wrong answer"), String(failures.badAnswer)],
            [ctx.tr("runs stopped by the step limit"), String(failures.stepLimit)],
        ])
        ctx.say("Without tools the model must do the arithmetic itself; with them it only has to copy numbers into an expression.")
    }

    /// The trained model, from the cache folder when an earlier run saved it there.
    static func trainedModel(_ recipe: ToolUseRecipe, _ ctx: DemoContext) throws -> (GPT2Model, Double, Bool) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("llmcourse-agent-train-\(recipe.seed)-\(recipe.steps)-v1")
        if let cached = try? GPT2Model(directory: folder) { return (cached, 0, true) }
        let model = recipe.makeModel()
        let trainer = recipe.trainer(for: model)
        let task = ctx.progress(ctx.tr("training"), total: recipe.steps)
        let start = Date()
        var losses: [Float] = []
        for step in 0..<recipe.steps {
            losses.append(trainer.step())
            task.advance()
            if (step + 1) % max(1, recipe.steps / 5) == 0 {
                let recent = losses.suffix(max(1, recipe.steps / 5))
                ctx.say("step {0}: loss {1}", String(step + 1), fixed(Double(recent.reduce(0, +)) / Double(recent.count), 3))
            }
        }
        task.finish()
        let seconds = Date().timeIntervalSince(start)
        try? model.save(directory: folder)
        return (model, seconds, false)
    }
}
