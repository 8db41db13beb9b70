import Foundation
import Testing
import Fundamentals
import Tensors

@Suite struct NLPModelTests {
    @Test func tfidfWeighsUbiquitousWordsAtZero() {
        let model = TFIDF(documents: [["the", "cat"], ["the", "dog", "dog"], ["the", "cat", "bird"]])
        #expect(model.idf[model.index["the"]!] == 0)
        #expect(abs(model.idf[model.index["dog"]!] - log(3)) < 1e-12)
        let w = model.weights(document: 1)
        #expect(abs(w[model.index["dog"]!] - 2.0 / 3.0 * log(3)) < 1e-12)
        #expect(abs(cosineSimilarity([1, 0], [0, 1])) < 1e-12)
    }

    @Test func bagOfWordsCountsAgainstAGivenVocabulary() {
        let counts = TFIDF.bagOfWords(["the", "dog", "dog", "barks"], vocabulary: ["bird", "dog", "the"])
        #expect(counts == [0, 2, 1])   // "barks" is outside the vocabulary
        let idf = TFIDF.inverseDocumentFrequency(counts: [counts, [1, 0, 1]])
        #expect(idf == [log(2), log(2), 0])   // bird and dog are each in one of two documents
    }

    @Test func skipGramStepLowersTheLossOnItsPair() {
        var rng = SplitMix64(seed: 1)
        var model = SkipGram(vocabularySize: 5, dimension: 4, rng: &rng)
        let first = model.step(centre: 0, context: 1, negatives: [2, 3], rate: 0.5)
        var last = first
        for _ in 0..<50 { last = model.step(centre: 0, context: 1, negatives: [2, 3], rate: 0.5) }
        #expect(last < first / 4)
    }

    @Test func skipGramGradientsAreTheStep() {
        // One step with distinct words moves each vector by −rate × its gradient.
        var rng = SplitMix64(seed: 2)
        var model = SkipGram(vocabularySize: 4, dimension: 3, rng: &rng)
        model.output = (0..<12).map { _ in rng.uniform(-1, 1) }
        let before = model
        let rows = { (m: [Double], w: Int) in Array(m[(w * 3)..<((w + 1) * 3)]) }
        let r = SkipGram.lossAndGradients(centre: before.embedding(0), context: rows(before.output, 1),
                                          negatives: [rows(before.output, 2), rows(before.output, 3)])
        let loss = model.step(centre: 0, context: 1, negatives: [2, 3], rate: 0.1)
        #expect(abs(loss - r.loss) < 1e-12)
        for i in 0..<3 {
            #expect(abs(model.input[i] - (before.input[i] - 0.1 * r.dCentre[i])) < 1e-12)
            #expect(abs(model.output[3 + i] - (before.output[3 + i] - 0.1 * r.dContext[i])) < 1e-12)
            #expect(abs(model.output[9 + i] - (before.output[9 + i] - 0.1 * r.dNegatives[1][i])) < 1e-12)
        }
        let numeric = Calculus.centralDifferenceGradient(of: {
            SkipGram.lossAndGradients(centre: $0, context: rows(before.output, 1), negatives: [rows(before.output, 2)]).loss
        }, at: before.embedding(0), h: 1e-6)
        let analytic = SkipGram.lossAndGradients(centre: before.embedding(0), context: rows(before.output, 1),
                                                 negatives: [rows(before.output, 2)]).dCentre
        for i in 0..<3 { #expect(abs(numeric[i] - analytic[i]) < 1e-7) }
    }

    @Test func rnnLearnsToRememberTheFirstOfTwoSymbols() {
        var rng = SplitMix64(seed: 5)
        var net = ElmanRNN(symbols: 4, hidden: 16, rng: &rng)
        for _ in 0..<3_000 {
            let sequence = (0..<2).map { _ in rng.nextInt(below: 4) }
            _ = net.train(sequence, label: sequence[0], rate: 0.1)
        }
        let correct = (0..<200).filter { _ in
            let sequence = (0..<2).map { _ in rng.nextInt(below: 4) }
            return net.predict(sequence) == sequence[0]
        }.count
        #expect(correct > 180)
        #expect(net.states([1, 2, 3]).count == 4)   // h_0 … h_3
    }
}
