import Testing
import Transformers
@testable import Agents

@Suite struct ToolUseTrainingTests {
    /// A hundred steps on the quick recipe: the untrained model never writes a valid call; the
    /// trained one writes mostly valid calls to the right tools and stops with an answer.
    @Test func trainingTeachesTheCallFormat() throws {
        let recipe = ToolUseRecipe(seed: 42, quick: true)
        let model = recipe.makeModel()
        let heldOut = recipe.heldOutProblems
        let (before, _) = try AgentScore.measure(recipe.loop(model), on: heldOut, useTools: true)
        let trainer = recipe.trainer(for: model)
        var losses: [Float] = []
        for _ in 0..<recipe.steps { losses.append(trainer.step()) }
        let (after, traces) = try AgentScore.measure(recipe.loop(model), on: heldOut, useTools: true)
        print("before", before, "after", after, "loss", losses.first!, losses.suffix(10).reduce(0, +) / 10)
        #expect(before.validActions == 0 && before.correctAnswers == 0)
        #expect(after.validity > before.validity + 0.5)
        #expect(losses.suffix(10).reduce(0, +) / 10 < losses[0] / 3)
        // The trained model calls the tools the problem needs (lookup first for containers).
        let rightTools = zip(traces, heldOut).filter { $0.calls.map(\.tool) == $1.calls.map(\.tool) }.count
        #expect(rightTools >= heldOut.count / 2)
    }
}
