import Autograd
import Figures
import Foundation
import Tensors
import Transformers

/// `llmcourse run attention-heatmap`: causal multi-head attention with hand-set queries and
/// keys, one clear pattern per head, shown as heat-maps.
///
/// The queries and keys are built from one-hot codes so each head's pattern is known in
/// advance: looking at the previous token, at earlier copies of the same word, at the first
/// token, or evenly at everything before. Trained models learn heads like these (previous-token
/// and induction heads); here we set them by hand so the picture is easy to read.
enum AttentionHeatmapDemo {
    static let demo = Demo(id: "attention-heatmap", summary: "Causal multi-head attention: each head's weights as a heat-map with token labels",
                           inputs: TransformerDemos.inputs) { ctx in
        let weights = headWeights()
        DecodingDemos.say(ctx, ctx.tr("Sentence: {0} ({1} tokens). Four heads, head size {2}; each head's queries and keys are set by hand so that softmax(QKᵀ/√d) with the causal mask makes one pattern. Rows are queries (the token doing the looking), columns keys; brighter = more weight (dark blue ≈ 0, yellow = 1; without color, a denser shade).", tokens.joined(separator: " "), String(tokens.count), String(headSize)))
        for (h, name) in headNames.enumerated() {
            ctx.heading(ctx.tr("Head {0}: {1}", String(h + 1), ctx.tr(name)))
            let map = HeatMap(title: ctx.tr("head {0} — {1}", String(h + 1), ctx.tr(name)), values: weights[h], rowLabels: tokens,
                              columnLabels: tokens, range: 0...1, showValues: true, scaleLabel: ctx.tr("weight"))
            try ctx.show("head\(h + 1)", map)
            let last = tokens.count - 1
            let top = weights[h][last].enumerated().max { $0.element < $1.element }!
            ctx.say("last query '{0}' puts {1} on '{2}' (position {3}); row sums are 1, cells right of the diagonal are 0.", tokens[last], fixed(top.element, 2), tokens[top.offset], String(top.offset))
        }
        DecodingDemos.say(ctx, ctx.tr("The causal mask sets scores of later tokens to −∞ before the softmax, so the upper triangle is always empty: a token can only read the past. The first row is always a single 1 — the first token has nothing else to look at. (In head 4 each visible key gets 1/(i+1); without color the faintest cells, 0.11 and 0.10, round to blank shades.)"))
    }

    static let tokens = ["<s>", "the", "cat", "sat", "on", "the", "mat", ".", "the", "cat"]
    static let headNames = ["previous token", "same word earlier, else <s>", "first token", "average of the past"]
    static let headSize = 20
    /// Score scale: large enough that a matching key wins almost all the weight.
    static let sharpness: Float = 40

    /// Weights `[head][query][key]` from ``attentionWithWeights`` on the hand-set Q, K.
    ///
    /// Code dimensions: `0..<7` the word, `7..<17` the position, `19` "is the first token".
    static func headWeights() -> [[[Double]]] {
        let t = tokens.count, d = headSize, s = sharpness
        let vocabulary = Array(Set(tokens)).sorted()
        let word = tokens.map { vocabulary.firstIndex(of: $0)! }
        let position = { (i: Int) in 7 + i }, first = 19
        var q = [Float](repeating: 0, count: 4 * t * d), k = q, v = q
        func set(_ a: inout [Float], _ h: Int, _ i: Int, _ c: Int, _ x: Float) { a[(h * t + i) * d + c] = x }
        for i in 0..<t {
            // Head 1: query i asks for position i−1; key j announces its position.
            if i > 0 { set(&q, 0, i, position(i - 1), s) }
            set(&k, 0, i, position(i), 1)
            // Head 2: ask for the same word (+s) but not at my own position (−s); the first token
            // answers everyone with +s/2, so a word seen for the first time rests there.
            set(&q, 1, i, word[i], s)
            set(&q, 1, i, position(i), -s)
            set(&q, 1, i, first, s / 2)
            set(&k, 1, i, word[i], 1)
            set(&k, 1, i, position(i), 1)
            if i == 0 { set(&k, 1, i, first, 1) }
            // Head 3: every query asks for position 0.
            set(&q, 2, i, position(0), s)
            set(&k, 2, i, position(i), 1)
            // Head 4: zero query and key → equal scores → the average of all visible keys.
            for c in 0..<d { set(&v, 3, i, c, Float(i)) }
        }
        let shape = [1, 4, t, d]
        let (_, w) = attentionWithWeights(query: Variable(Tensor(shape: shape, scalars: q)),
                                          key: Variable(Tensor(shape: shape, scalars: k)),
                                          value: Variable(Tensor(shape: shape, scalars: v)), causal: true)
        let flat = w.value.scalars.map(Double.init)
        func row(_ h: Int, _ i: Int) -> [Double] { Array(flat[((h * t + i) * t)..<((h * t + i + 1) * t)]) }
        return (0..<4).map { h in (0..<t).map { i in row(h, i) } }
    }
}
