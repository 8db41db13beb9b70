import Testing
import Transformers
@testable import Agents

@Suite struct WordProblemTests {
    @Test func problemsCarryExactAnswersAndTraces() throws {
        let world = WordProblemWorld(seed: 42)
        let problems = world.problems(count: 10, seed: 1)
        for problem in problems {
            let expression = problem.calls.last!.argument
            #expect(try Calculator().run(expression) == problem.answer)
        }
        // The fifth kind needs the lookup first.
        #expect(problems[4].calls.map(\.tool) == ["lookup", "calc"])
        let trace = problems[0].trace(tools: true, toolbox: world.toolbox)
        #expect(trace == "Tools: calc lookup\nQuestion: \(problems[0].question)\nAction: calc[\(problems[0].calls[0].argument)]\n"
                + "Observation: \(problems[0].answer)\nAnswer: \(problems[0].answer)\n")
        #expect(problems[0].trace(tools: false, toolbox: world.toolbox)
                == "Tools: none\nQuestion: \(problems[0].question)\nAnswer: \(problems[0].answer)\n")
        // Same seed, same problems.
        #expect(world.problems(count: 10, seed: 1) == problems)
    }

    @Test func onlyTheModelsLinesAreTrained() {
        let vocabulary = ToolUseRecipe(seed: 1, quick: true).vocabulary
        let trace = "Tools: calc\nQuestion: 2*3?\nAction: calc[2*3]\nObservation: 6\nAnswer: 6\n"
        let masked = MaskedTrace(trace: trace, vocabulary: vocabulary)
        #expect(masked.ids == vocabulary.encode(trace))
        let trainedText = String(zip(trace, masked.trained).filter(\.1).map(\.0))
        #expect(trainedText == "Action: calc[2*3]\nAnswer: 6\n")
        let (ids, targets, length) = TraceTrainer.batch([masked], contextLength: 192)
        #expect(length == trace.count && ids == masked.ids)
        // Position t predicts token t+1: the first trained target is the "A" of "Action".
        let first = targets.firstIndex { $0 != TraceTrainer.ignoredTarget }!
        #expect(first == "Tools: calc\nQuestion: 2*3?\n".count - 1)
        #expect(targets.filter { $0 != TraceTrainer.ignoredTarget }.count == trainedText.count)
    }

    @Test func heldOutQuestionsAreNotInTraining() {
        let recipe = ToolUseRecipe(seed: 42, quick: true)
        let seen = Set(recipe.trainingProblems.map(\.question))
        #expect(recipe.heldOutProblems.count == recipe.heldOutProblemCount)
        #expect(recipe.heldOutProblems.allSatisfy { !seen.contains($0.question) })
    }
}
