import Foundation
import Testing
import Autograd
import Tensors
@testable import Transformers

@Suite("Pre-training a tiny GPT")
struct PreTrainingTests {
    @Test func corpusHoldsOutAFixedTenthOfSums() {
        let corpus = AdditionCorpus(maximumOperand: 99)
        let text = corpus.text(lines: 500, seed: 3)
        let sums = text.split(separator: "\n").filter { $0.contains("+") }
        #expect(sums.count > 300)
        for line in sums {
            let parts = line.split(whereSeparator: { $0 == "+" || $0 == "=" }).map { Int($0)! }
            #expect(parts[0] + parts[1] == parts[2])
            #expect(!AdditionCorpus.isHeldOut(parts[0], parts[1]))
        }
        let held = corpus.heldOutProblems(count: 50, seed: 4)
        #expect(held.allSatisfy { AdditionCorpus.isHeldOut($0.0, $0.1) })
        let share = (0..<100).flatMap { a in (0..<100).map { (a, $0) } }.filter { AdditionCorpus.isHeldOut($0.0, $0.1) }.count
        #expect((700...1300).contains(share))
        #expect(corpus.text(lines: 50, seed: 9) == corpus.text(lines: 50, seed: 9))
        #expect(AdditionCorpus.problem(47, 385) == "47+385=432")
        #expect(AdditionCorpus.problem(47, 385, reversed: true) == "47+385=234")
        #expect(AdditionCorpus.problem(5, 5, reversed: true) == "5+5=01")
        let padded = AdditionCorpus(maximumOperand: 99, reversesAnswers: true, padsNumbers: true)
        #expect(padded.format(7, 85) == ("07+85=", "290"))
        #expect(padded.text(lines: 200, seed: 1).split(separator: "\n").filter { $0.contains("+") }.allSatisfy { $0.count == 9 })
    }

    @Test func lossFallsAndTheCheckpointRoundTrips() throws {
        let text = AdditionCorpus(maximumOperand: 99).text(lines: 3000, seed: 1)
        let tokenizer = try BytePairTrainer.train(text: text, vocabularySize: 300,
                                                  preTokenizer: PreTokenizer(individualDigits: true))
        let ids = tokenizer.encode(text)
        let config = GPT2Config(vocabularySize: tokenizer.vocabularySize, contextLength: 64, embeddingSize: 32,
                                layerCount: 2, headCount: 4)
        let model = GPT2Model(config: config, seed: 2)
        let trainer = PreTrainer(model: model, tokens: ids,
                                 settings: .init(steps: 80, batchSize: 8, windowLength: 32, warmupSteps: 10))
        let first = trainer.step()
        #expect(abs(first - Foundation.log(Float(tokenizer.vocabularySize))) < 1)  // uniform guess at the start
        var last: Float = first
        for _ in 1..<80 { last = trainer.step() }
        #expect(last < first - 2, "loss \(first) → \(last)")
        #expect(trainer.evaluationLoss(Array(ids.prefix(2000))) < first - 2)

        let dir = try Fixtures.temporaryDirectory("pretrained")
        defer { try? FileManager.default.removeItem(at: dir) }
        try model.save(directory: dir)
        try tokenizer.save(directory: dir)
        let reloaded = try GPT2Model(directory: dir)
        let reloadedTokenizer = try BytePairTokenizer(directory: dir)
        #expect(reloadedTokenizer.encode("12+34=46") == tokenizer.encode("12+34=46"))
        let probe = Array(ids.prefix(16))
        #expect(withNoGrad { reloaded(probe).value == model(probe).value })
    }
}
