import Autograd
import Tensors
import Transformers

/// The refusal direction of one residual-stream layer (Arditi et al. 2024): the difference
/// between the mean activation on prompts the model refuses and on prompts it answers, read at
/// the last prompt token (where the model decides how its answer begins).
///
/// ```
/// a_i ∈ ℝ^C     residual stream at layer ℓ, last prompt token, prompt i
/// μ_refused  = mean of a_i over refused prompts        [C]
/// μ_answered = mean of a_i over answered prompts       [C]
/// r = μ_refused − μ_answered,   r̂ = r / ‖r‖            [C]
/// ```
/// How well r̂ tells the two groups apart is measured on the scalar projections `a_i · r̂`:
/// ``separation`` is the gap between the two groups' mean projections over their pooled standard
/// deviation (Cohen's d), ``accuracy`` the share of prompts on the right side of the midpoint.
public struct RefusalDirection: Sendable {
    /// Index into ``GPT2Model/residualStream(_:batchSize:cache:edit:)``: 0 is the embedding
    /// output, `ℓ + 1` the output of block `ℓ`.
    public let layer: Int
    /// `r = μ_refused − μ_answered`, shape `[C]`.
    public let difference: [Float]
    /// `r̂ = r / ‖r‖`, shape `[C]`.
    public let unit: [Float]
    /// `(mean proj refused − mean proj answered) / pooled std` of the projections `a · r̂`.
    public let separation: Double
    /// Share of prompts whose projection falls on their group's side of the two means' midpoint.
    public let accuracy: Double

    // ANCHOR: difference-of-means
    /// The direction from the activations of one layer: `refused` and `answered` are `[N, C]`.
    public init(layer: Int, refused: [[Float]], answered: [[Float]]) {
        precondition(!refused.isEmpty && !answered.isEmpty, "RefusalDirection: both groups need prompts")
        self.layer = layer
        let meanRefused = Self.mean(refused), meanAnswered = Self.mean(answered)
        difference = zip(meanRefused, meanAnswered).map { $0 - $1 }
        let unit = Abliteration.unit(difference)
        self.unit = unit
        // The two groups seen along r̂: one number per prompt.
        let along = { (rows: [[Float]]) in rows.map { Double(Abliteration.dot($0, unit)) } }
        let (p, q) = (along(refused), along(answered))
        let (mp, mq) = (p.reduce(0, +) / Double(p.count), q.reduce(0, +) / Double(q.count))
        let squares = p.map { ($0 - mp) * ($0 - mp) }.reduce(0, +) + q.map { ($0 - mq) * ($0 - mq) }.reduce(0, +)
        let pooled = (squares / Double(max(p.count + q.count - 2, 1))).squareRoot()
        separation = (mp - mq) / max(pooled, 1e-12)
        let midpoint = (mp + mq) / 2
        accuracy = Double(p.filter { $0 > midpoint }.count + q.filter { $0 <= midpoint }.count) / Double(p.count + q.count)
    }
    // ANCHOR_END: difference-of-means

    /// The mean of `[N, C]` rows, `[C]`.
    static func mean(_ rows: [[Float]]) -> [Float] {
        var sum = [Float](repeating: 0, count: rows[0].count)
        for row in rows { for j in row.indices { sum[j] += row[j] } }
        return sum.map { $0 / Float(rows.count) }
    }

    /// Residual activations at each prompt's last token: `[layerCount + 1][prompts.count][C]`.
    /// Prompts run one at a time, so they may differ in length.
    public static func lastTokenActivations(_ model: GPT2Model, prompts: [[Int]]) -> [[[Float]]] {
        let c = model.config.embeddingSize
        var result = [[[Float]]](repeating: [], count: model.config.layerCount + 1)
        withNoGrad {
            for prompt in prompts {
                for (layer, x) in model.residualStream(prompt).enumerated() {
                    result[layer].append(Array(x.value.scalars[(x.value.count - c)...]))  // [1, T, C] → last row
                }
            }
        }
        return result
    }

    /// One direction per residual layer (embedding output, then after each block).
    public static func perLayer(_ model: GPT2Model, refused: [[Int]], answered: [[Int]]) -> [RefusalDirection] {
        let (a, b) = (lastTokenActivations(model, prompts: refused), lastTokenActivations(model, prompts: answered))
        return a.indices.map { RefusalDirection(layer: $0, refused: a[$0], answered: b[$0]) }
    }
}
