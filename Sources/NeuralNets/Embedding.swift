import Autograd
import Tensors

/// A lookup table: token id → learned vector.
///
/// `weight` is `[count, dimensions]`; ids of any shape `S` give vectors of shape `S + [dimensions]`.
/// The gradient of a row is the sum of the gradients of every position that looked it up.
/// Initialized from `N(0, 1)` like PyTorch (GPT-2 re-initializes with std 0.02).
///
/// ```swift
/// let wte = Embedding(50257, 768, rng: &rng)
/// let x = wte(ids, shape: [B, T])       // [B, T, 768]
/// ```
public final class Embedding: Module {
    public let weight: Variable
    public var count: Int { weight.value.shape[0] }
    public var dimensions: Int { weight.value.shape[1] }

    public init(_ count: Int, _ dimensions: Int, std: Float = 1, rng: inout SplitMix64) {
        weight = Variable(.normal([count, dimensions], std: std, using: &rng), requiresGrad: true)
    }

    public init(weight: Tensor) {
        precondition(weight.rank == 2, "Embedding: weight must be [count, dimensions], got \(weight.shape)")
        self.weight = Variable(weight, requiresGrad: true)
    }

    public var ownParameters: [(name: String, parameter: Variable)] { [("weight", weight)] }

    /// Looks up `ids` (flat, row-major) laid out as `shape` (default: a vector).
    public func callAsFunction(_ ids: [Int], shape: [Int]? = nil) -> Variable {
        let idShape = shape ?? [ids.count]
        precondition(idShape.reduce(1, *) == ids.count, "Embedding: \(ids.count) ids do not fill shape \(idShape)")
        return weight.indexSelect(ids, axis: 0).reshaped(idShape + [dimensions])
    }
}
