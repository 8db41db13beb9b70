import Foundation
import NeuralNets
import Tensors

/// Trains a ``BiEncoder`` on (question, passage) pairs with ``InfoNCE`` and Adam.
///
/// Each step encodes a batch of questions and their passages, takes the loss's gradient with
/// respect to the unit vectors, and carries it back by hand through the two steps of
/// ``BiEncoder/encode(_:)``:
///
///     e = u / ‖u‖            ∂L/∂u = (∂L/∂e − e ⟨e, ∂L/∂e⟩) / ‖u‖
///     u = Σ w(t) E[t] / Σ w   ∂L/∂E[t] += w(t) / Σ w · ∂L/∂u     (for every occurrence of t)
///
/// The first line removes the part of the gradient that would only change the length, which
/// the normalization throws away. Training is deterministic for a seed: the same pairs give
/// the same encoder on every machine.
///
/// ```swift
/// var trainer = BiEncoderTrainer(pairs: pairs, settings: .init(epochs: 12))
/// let result = trainer.train { epoch, loss in print(epoch, loss) }
/// result.encoder.encode("什麼是量化？")
/// ```
public struct BiEncoderTrainer {
    public struct Settings: Sendable, Equatable {
        public var dimension = 64
        public var epochs = 12
        public var batchSize = 64
        public var learningRate: Float = 0.01
        public var temperature: Float = 0.05
        public var minimumDocuments = 2
        public var seed: UInt64 = 7
        public init(dimension: Int = 64, epochs: Int = 12, batchSize: Int = 64, learningRate: Float = 0.01,
                    temperature: Float = 0.05, minimumDocuments: Int = 2, seed: UInt64 = 7) {
            self.dimension = dimension
            self.epochs = epochs
            self.batchSize = batchSize
            self.learningRate = learningRate
            self.temperature = temperature
            self.minimumDocuments = minimumDocuments
            self.seed = seed
        }
    }

    public struct Pair: Hashable, Sendable {
        public var question: String
        public var passage: String
        public init(question: String, passage: String) {
            self.question = question
            self.passage = passage
        }
    }

    public struct Result: Sendable {
        public var encoder: BiEncoder
        /// Mean training loss of each epoch.
        public var losses: [Double]
    }

    public let settings: Settings
    /// The pairs as term ids (pairs where either side has no known term are dropped).
    let pairs: [(q: [Int], p: [Int])]
    public internal(set) var encoder: BiEncoder

    public init(pairs: [Pair], settings: Settings = Settings()) {
        self.settings = settings
        let vocabulary = TermVocabulary(texts: pairs.flatMap { [$0.question, $0.passage] }, minimumDocuments: settings.minimumDocuments)
        encoder = BiEncoder(vocabulary: vocabulary, dimension: settings.dimension, temperature: settings.temperature, seed: settings.seed)
        self.pairs = pairs.map { (vocabulary.ids(of: $0.question), vocabulary.ids(of: $0.passage)) }.filter { !$0.0.isEmpty && !$0.1.isEmpty }
    }

    /// Number of usable pairs.
    public var pairCount: Int { pairs.count }

    /// Runs every epoch; `progress(epoch, meanLoss)` after each.
    public mutating func train(progress: (Int, Double) -> Void = { _, _ in }) -> Result {
        let d = settings.dimension
        let adam = AdamRule(learningRate: settings.learningRate)
        var m = [Float](repeating: 0, count: encoder.embeddings.count), v = m, updates = 0
        var rng = SplitMix64(seed: settings.seed &+ 1)
        var losses: [Double] = []
        for epoch in 1...max(settings.epochs, 1) {
            let order = rng.permutation(pairs.count)
            var total = 0.0, batches = 0
            var start = 0
            while start + 1 < order.count {   // a batch of one has no negatives
                let batch = order[start..<min(start + settings.batchSize, order.count)].map { pairs[$0] }
                start += settings.batchSize
                var gradient = [Float](repeating: 0, count: encoder.embeddings.count)
                total += step(batch, d: d, gradient: &gradient)
                batches += 1
                updates += 1
                encoder.embeddings = adam.update(theta: encoder.embeddings, grad: gradient, m: &m, v: &v, step: updates)
            }
            let mean = total / Double(max(batches, 1))
            losses.append(mean)
            progress(epoch, mean)
        }
        return Result(encoder: encoder, losses: losses)
    }

    /// Forward and backward of one batch: returns the loss, adds ∂L/∂E into `gradient`.
    func step(_ batch: [(q: [Int], p: [Int])], d: Int, gradient: inout [Float]) -> Double {
        let b = batch.count
        let qs = batch.map { encoder.pooled($0.q) }, ps = batch.map { encoder.pooled($0.p) }
        let unit: ([Float]) -> (e: [Float], norm: Float) = { u in
            let n = max(VectorMath.dot(u, u).squareRoot(), 1e-12)
            return (u.map { $0 / n }, n)
        }
        let qUnit = qs.map { unit($0.u) }, pUnit = ps.map { unit($0.u) }
        let (loss, dQ, dP) = InfoNCE.lossAndGradients(q: qUnit.flatMap(\.e), p: pUnit.flatMap(\.e), b: b, d: d,
                                                       temperature: settings.temperature)
        // ANCHOR: backward
        func backward(_ ids: [Int], weight: Float, unit: (e: [Float], norm: Float), dE: ArraySlice<Float>) {
            let de = Array(dE)
            let along = VectorMath.dot(unit.e, de)
            // ∂L/∂u: the gradient with its component along e removed, over ‖u‖.
            let du = (0..<d).map { (de[$0] - unit.e[$0] * along) / unit.norm }
            for id in ids {
                let share = encoder.vocabulary.idf[id] / weight
                for j in 0..<d { gradient[id * d + j] += share * du[j] }
            }
        }
        // ANCHOR_END: backward
        for i in 0..<b {
            backward(batch[i].q, weight: qs[i].weight, unit: qUnit[i], dE: dQ[(i * d)..<((i + 1) * d)])
            backward(batch[i].p, weight: ps[i].weight, unit: pUnit[i], dE: dP[(i * d)..<((i + 1) * d)])
        }
        return loss
    }
}
