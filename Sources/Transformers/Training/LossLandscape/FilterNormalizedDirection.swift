import Autograd
import Tensors

/// A random direction in weight space, scaled filter by filter to the weights it perturbs
/// (Li, Xu, Taylor, Studer & Goldstein 2018, "Visualizing the Loss Landscape of Neural Nets").
///
/// A plain Gaussian direction `d ~ N(0, I)` is a poor ruler: a network whose layer is followed
/// by a normalization (GPT-2's LayerNorm) computes the same function when that layer's weights
/// are multiplied by 10, yet the same step `α·d` moves small weights a lot and large ones
/// hardly at all. Filter normalization measures every step in units of the weights it moves:
///
///     d_i ← d_i · ‖θ_i‖ / ‖d_i‖        for every row (filter) i of every weight matrix
///
/// so `α = 1` changes each row by as much as its own length. For a parameter of shape
/// `[R, C…]` the rows are its `R` slices along the first axis, as the paper's reference code
/// iterates them (for GPT-2's `Conv1D`, stored `[in, out]`, a row is everything one input unit
/// feeds; for an embedding, one token's vector). Biases and normalization gains — every
/// parameter of rank ≤ 1 — get direction 0, as in the paper: they are left where training put them.
///
/// ```swift
/// let delta = FilterNormalizedDirection(model.trainableParameters(), seed: 1)
/// delta.components[0].shape == model.trainableParameters()[0].shape   // one tensor per parameter
/// ```
public struct FilterNormalizedDirection: Sendable {
    /// One tensor per parameter, each with its parameter's shape.
    public let components: [Tensor]

    // ANCHOR: direction
    /// A Gaussian direction for `parameters` (drawn in order from one `SplitMix64(seed:)`),
    /// filter-normalized to their current values.
    public init(_ parameters: [Variable], seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        components = parameters.map { parameter in
            let weights = parameter.value
            let random = Tensor(shape: weights.shape) { buffer in
                for k in buffer.indices { buffer[k] = rng.nextNormal() }
            }
            return Self.normalize(random, like: weights)
        }
    }

    /// Rescales each row `d_i` of `direction` to the norm of the matching row `θ_i` of `weights`;
    /// a bias or gain (rank ≤ 1) gets zeros. Shapes: `direction` and `weights` are both `[R, C…]`.
    public static func normalize(_ direction: Tensor, like weights: Tensor) -> Tensor {
        precondition(direction.shape == weights.shape, "a direction must have its weights' shape")
        guard weights.rank >= 2, weights.count > 0 else { return Tensor.zeros(weights.shape) }
        let rowLength = weights.count / weights.shape[0]
        var result = direction
        for row in 0..<weights.shape[0] {
            let span = (row * rowLength)..<((row + 1) * rowLength)
            let weightNorm = norm(weights.scalars[span]), directionNorm = norm(direction.scalars[span])
            // 1e-10 as in the reference code: an all-zero random row stays zero instead of NaN.
            let scale = Float(weightNorm / (directionNorm + 1e-10))
            for k in span { result.scalars[k] = direction.scalars[k] * scale }
        }
        return result
    }
    // ANCHOR_END: direction

    /// Builds a direction from given components (e.g. a fixed one in a test).
    public init(components: [Tensor]) { self.components = components }

    /// The Euclidean norm, accumulated in Double so a long row loses no precision.
    static func norm(_ values: ArraySlice<Float>) -> Double {
        values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
    }
}
