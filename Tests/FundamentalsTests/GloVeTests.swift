import Foundation
import Testing
import Fundamentals
import Tensors

@Suite struct GloVeTests {
    @Test func cooccurrencesWeighByInverseDistance() {
        // a b a c, window 2: (a,b) at distances 1 and 1, (a,a) at 2, (b,c) at 2, (a,c) at 1.
        let pairs = GloVe.cooccurrences([0, 1, 0, 2], window: 2)
        let x = Dictionary(uniqueKeysWithValues: pairs.map { ("\($0.i)\($0.j)", $0.count) })
        #expect(x == ["00": 1, "01": 2, "02": 1, "10": 2, "12": 0.5, "20": 1, "21": 0.5])
        // An out-of-vocabulary word (−1) keeps its place: a and b are two apart.
        #expect(GloVe.cooccurrences([0, -1, 1], window: 2) == [.init(i: 0, j: 1, count: 0.5), .init(i: 1, j: 0, count: 0.5)])
    }

    @Test func gradientsMatchCentralDifferences() {
        var rng = SplitMix64(seed: 4)
        var model = GloVe(vocabularySize: 4, dimension: 3, rng: &rng)
        model.b = (0..<4).map { _ in rng.uniform(-1, 1) }
        model.bt = (0..<4).map { _ in rng.uniform(-1, 1) }
        let pairs = GloVe.cooccurrences([0, 1, 2, 3, 1, 0, 2, 2, 3, 0, 1, 1], window: 3)
        let g = model.gradients(pairs)
        #expect(abs(g.loss - model.loss(pairs)) < 1e-12)
        let h = 1e-6
        func numeric(_ path: WritableKeyPath<GloVe, [Double]>) -> [Double] {
            model[keyPath: path].indices.map { i in
                var up = model, down = model
                up[keyPath: path][i] += h
                down[keyPath: path][i] -= h
                return (up.loss(pairs) - down.loss(pairs)) / (2 * h)
            }
        }
        for (analytic, path) in [(g.dW, \GloVe.w), (g.dWt, \GloVe.wt), (g.dB, \GloVe.b), (g.dBt, \GloVe.bt)] {
            let n = numeric(path)
            #expect(zip(analytic, n).allSatisfy { abs($0 - $1) < 1e-7 }, "\(path)")
        }
    }

    @Test func epochsFitTheLogCounts() {
        var rng = SplitMix64(seed: 9)
        let ids = (0..<400).map { _ in rng.nextInt(below: 12) }
        let pairs = GloVe.cooccurrences(ids, window: 4)
        var model = GloVe(vocabularySize: 12, dimension: 8, rng: &rng)
        let before = model.loss(pairs)
        for _ in 0..<30 { _ = model.epoch(pairs, rate: 0.1, rng: &rng) }
        #expect(model.loss(pairs) < before / 10)
    }
}
