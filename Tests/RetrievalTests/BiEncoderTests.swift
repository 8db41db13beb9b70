import Foundation
import Testing
@testable import Retrieval

/// The bi-encoder: its loss and hand-written backward pass against finite differences, its
/// training, and its model folder.
@Suite("Bi-encoder")
struct BiEncoderTests {
    static func randomUnit(_ rows: Int, _ d: Int, seed: UInt64) -> [Float] {
        var state = seed
        var out: [Float] = []
        for _ in 0..<rows {
            let v = (0..<d).map { _ -> Float in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Float(Int64(bitPattern: state >> 11) % 2000) / 1000 - 1
            }
            out += VectorMath.normalized(v)
        }
        return out
    }

    @Test("InfoNCE: orthogonal pairs give the closed-form loss")
    func closedForm() {
        // Q = P = I (two orthogonal unit pairs): every row and column is [1/τ, 0], so the loss
        // is log(1 + e^(−1/τ)) in both directions.
        let (loss, _, _) = InfoNCE.lossAndGradients(q: [1, 0, 0, 1], p: [1, 0, 0, 1], b: 2, d: 2, temperature: 0.5)
        #expect(abs(loss - log(1 + exp(-2.0))) < 1e-9)
    }

    @Test("InfoNCE gradients agree with central differences")
    func infoNCEGradients() {
        let (b, d) = (4, 5)
        let q = Self.randomUnit(b, d, seed: 1), p = Self.randomUnit(b, d, seed: 2)
        let (_, dQ, dP) = InfoNCE.lossAndGradients(q: q, p: p, b: b, d: d, temperature: 0.2)
        let h: Float = 1e-3
        for (side, analytic) in [(0, dQ), (1, dP)] {
            for i in 0..<(b * d) {
                var plus = side == 0 ? q : p, minus = plus
                plus[i] += h
                minus[i] -= h
                let lp = side == 0 ? InfoNCE.lossAndGradients(q: plus, p: p, b: b, d: d, temperature: 0.2).loss
                                   : InfoNCE.lossAndGradients(q: q, p: plus, b: b, d: d, temperature: 0.2).loss
                let lm = side == 0 ? InfoNCE.lossAndGradients(q: minus, p: p, b: b, d: d, temperature: 0.2).loss
                                   : InfoNCE.lossAndGradients(q: q, p: minus, b: b, d: d, temperature: 0.2).loss
                let numeric = (lp - lm) / Double(2 * h)
                #expect(abs(numeric - Double(analytic[i])) < 2e-3, "side \(side) element \(i): \(numeric) vs \(analytic[i])")
            }
        }
    }

    static let pairs: [BiEncoderTrainer.Pair] = [
        ("what does the cache store", "the cache stores keys and values of past tokens"),
        ("how is a model quantized", "quantization stores weights in fewer bits per value"),
        ("which tokens does attention read", "attention reads every past token through its keys"),
        ("how are weights stored", "weights are stored in a safetensors file with a header"),
        ("what does the tokenizer do", "the tokenizer splits text into tokens by merges"),
        ("why normalize vectors", "normalized vectors make the inner product a cosine"),
    ].map { BiEncoderTrainer.Pair(question: $0.0, passage: $0.1) }

    @Test("the encoder's backward pass agrees with central differences on the loss")
    func encoderGradients() {
        let trainer = BiEncoderTrainer(pairs: Self.pairs, settings: .init(dimension: 6, minimumDocuments: 1))
        let batch = Array(trainer.pairs.prefix(4))
        var gradient = [Float](repeating: 0, count: trainer.encoder.embeddings.count)
        _ = trainer.step(batch, d: 6, gradient: &gradient)
        var probe = trainer
        let h: Float = 1e-3
        // Every 7th parameter: enough to catch a wrong formula, quick enough for a unit test.
        for i in stride(from: 0, to: gradient.count, by: 7) {
            var scratch = [Float](repeating: 0, count: gradient.count)
            probe.encoder.embeddings[i] += h
            let lp = probe.step(batch, d: 6, gradient: &scratch)
            probe.encoder.embeddings[i] -= 2 * h
            let lm = probe.step(batch, d: 6, gradient: &scratch)
            probe.encoder.embeddings[i] += h
            let numeric = (lp - lm) / Double(2 * h)
            #expect(abs(numeric - Double(gradient[i])) < 5e-3, "parameter \(i): \(numeric) vs \(gradient[i])")
        }
    }

    @Test("training lowers the loss and pairs each question with its own passage")
    func training() {
        var trainer = BiEncoderTrainer(pairs: Self.pairs, settings: .init(dimension: 16, epochs: 40, batchSize: 6, learningRate: 0.05, minimumDocuments: 1))
        let before = trainer.encoder
        let result = trainer.train()
        #expect(result.losses.last! < result.losses.first! * 0.5, "losses \(result.losses.first!) → \(result.losses.last!)")
        func matched(_ encoder: BiEncoder) -> Int {
            let passages = Self.pairs.map { encoder.encode($0.passage) }
            return Self.pairs.enumerated().filter { i, pair in
                let q = encoder.encode(pair.question)
                return passages.indices.max { VectorMath.dot(q, passages[$0]) < VectorMath.dot(q, passages[$1]) } == i
            }.count
        }
        #expect(matched(result.encoder) == Self.pairs.count)
        #expect(matched(before) < Self.pairs.count)
        // Deterministic: the same pairs and seed train the same encoder.
        var again = BiEncoderTrainer(pairs: Self.pairs, settings: trainer.settings)
        #expect(again.train().encoder == result.encoder)
    }

    @Test("a text with no known term encodes to zero; embeddings are unit length")
    func encoding() {
        let encoder = BiEncoderTrainer(pairs: Self.pairs, settings: .init(dimension: 8, minimumDocuments: 1)).encoder
        #expect(encoder.encode("zzz qqq").allSatisfy { $0 == 0 })
        let v = encoder.encode("the cache stores keys")
        #expect(abs(VectorMath.dot(v, v) - 1) < 1e-5)
    }

    @Test("a model folder round-trips; a damaged or foreign folder is refused, naming the problem")
    func folder() throws {
        let encoder = BiEncoderTrainer(pairs: Self.pairs, settings: .init(dimension: 8, minimumDocuments: 1)).encoder
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bi-encoder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try BiEncoderFolder.save(encoder, to: dir)
        #expect(try BiEncoderFolder.load(dir) == encoder)

        let vocab = dir.appendingPathComponent("vocab.txt")
        let saved = try Data(contentsOf: vocab)
        try Data("cache\t1.5\n".utf8).write(to: vocab)
        #expect(throws: BiEncoderFolder.Problem.self) { try BiEncoderFolder.load(dir) }
        do { _ = try BiEncoderFolder.load(dir) } catch {
            #expect("\(error)".contains("vocab.txt has 1 terms, config.json says vocab_size \(encoder.vocabulary.count)"))
        }
        try Data("cache 1.5\n".utf8).write(to: vocab)
        do { _ = try BiEncoderFolder.load(dir) } catch { #expect("\(error)".contains("line 1 is not")) }
        try saved.write(to: vocab)

        let config = dir.appendingPathComponent("config.json")
        try Data(#"{"model_type": "gpt2", "n_embd": 8}"#.utf8).write(to: config)
        #expect(throws: BiEncoderFolder.Problem.notABiEncoder(folder: dir.path, modelType: "gpt2")) { try BiEncoderFolder.load(dir) }

        try FileManager.default.removeItem(at: config)
        #expect(throws: BiEncoderFolder.Problem.missingFile(folder: dir.path, file: "config.json")) { try BiEncoderFolder.load(dir) }

        try BiEncoderFolder.save(encoder, to: dir)
        let weights = dir.appendingPathComponent("model.safetensors")
        let bytes = try Data(contentsOf: weights)
        try bytes.prefix(bytes.count / 2).write(to: weights)
        #expect(throws: (any Error).self) { try BiEncoderFolder.load(dir) }
    }
}

@Suite("Translation lexicon and late interaction")
struct LexiconAndRerankTests {
    @Test("Dice pairs terms that occur in the same aligned documents")
    func lexicon() {
        let pairs = [
            // Spaces keep 貓 and 狗 single terms (a CJK run of one character is a unigram).
            ("the cat sleeps", "貓 睡覺"), ("the cat eats", "貓 吃飯"), ("a cat runs", "貓 跑步"),
            ("the dog sleeps", "狗 睡覺"), ("the dog eats", "狗 吃飯"), ("a dog runs", "狗 跑步"),
        ]
        let lexicon = TranslationLexicon(pairs: pairs, minimumPairs: 3, threshold: 0.5)
        #expect(lexicon.translations(of: "cat").first?.term == "貓")
        #expect(lexicon.translations(of: "貓").first == .init(term: "cat", dice: 1))
        #expect(lexicon.expand(["cat", "sleeps"]) == ["cat", "sleeps", "貓"])
        // "the" is in 4 of 6 pairs, more than half: too common to translate.
        #expect(lexicon.translations(of: "the").isEmpty)
    }

    @Test("MaxSim: each question term's best match, idf-weighted")
    func maxSim() {
        // Three terms with hand-set 2-D vectors: cache ⟂ bits, store at 45° to cache.
        let vocabulary = TermVocabulary(terms: ["cache", "bits", "store"], idf: [2, 1, 1])
        let s = Float(0.5).squareRoot()
        let encoder = BiEncoder(vocabulary: vocabulary, dimension: 2, embeddings: [1, 0, 0, 1, s, s], temperature: 0.05)
        let reranker = LateInteraction(encoder: encoder)
        // "cache store" vs "bits": cache→bits 0, store→bits s; (2·0 + 1·s) / 3.
        #expect(abs(reranker.score("cache store", "bits") - s / 3) < 1e-6)
        #expect(abs(reranker.score("cache", "cache bits") - 1) < 1e-6)
        #expect(reranker.rerank("cache", passages: ["bits", "store", "cache"]) == [2, 1, 0])
        #expect(reranker.score("unknown", "cache") == 0)
    }
}
