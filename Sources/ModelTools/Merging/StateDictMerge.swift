import Foundation
import Tensors

/// Merges models held in memory, as their state dicts (parameter name → tensor).
///
/// ```swift
/// let merged = try StateDictMerge.merge([reverser.stateDict(), shouter.stateDict()],
///                                       base: base.stateDict(), method: .ties(density: 0.3))
/// try model.loadStateDict(merged)
/// ```
///
/// The same arithmetic as ``CheckpointMerge``, without files: a demo can fine-tune two copies of
/// a small model, merge them and measure the result in one run.
public enum StateDictMerge {
    /// The merged state dict: tensor by tensor, `method` applied to the models' values.
    ///
    /// The models (and the base, when given) must have the same names and shapes.
    public static func merge(_ models: [[String: Tensor]], base: [String: Tensor]? = nil, method: MergeMethod,
                             weights: [Float] = [], lambda: Float = 1) throws(StateDictMergeError) -> [String: Tensor] {
        guard let reference = models.first else { throw .noModels }
        if method.needsBase && base == nil { throw .needsBase(method.name) }
        if case .slerp = method, models.count != 2 { throw .slerpNeedsTwo(models.count) }
        guard weights.isEmpty || weights.count == models.count else { throw .weightCount(weights.count, models.count) }
        for other in models.dropFirst() + (base.map { [$0] } ?? []) { try checkSameLayout(reference, other) }
        let w = weights.isEmpty ? [Float](repeating: 1, count: models.count) : weights
        var merged: [String: Tensor] = [:]
        // Sorted names give every tensor a fixed index, so DARE's masks do not depend on dictionary order.
        for (index, name) in reference.keys.sorted().enumerated() {
            let values = models.map { $0[name]!.scalars }
            let result = TensorMerge.merge(values, base: base?[name]!.scalars, method: method, weights: w,
                                           lambda: lambda, tensorIndex: index)
            merged[name] = Tensor(shape: reference[name]!.shape, scalars: result)
        }
        return merged
    }

    static func checkSameLayout(_ a: [String: Tensor], _ b: [String: Tensor]) throws(StateDictMergeError) {
        if let name = Set(a.keys).symmetricDifference(b.keys).sorted().first { throw .missingTensor(name) }
        for (name, tensor) in a where tensor.shape != b[name]!.shape {
            throw .shapeMismatch(name: name, tensor.shape, b[name]!.shape)
        }
    }
}

extension TensorMerge {
    // ANCHOR: merge-one-tensor
    /// One tensor merged by `method`: the step both ``CheckpointMerge`` and ``StateDictMerge``
    /// repeat for every parameter name. `base` is needed by the task-vector methods only.
    public static func merge(_ values: [[Float]], base: [Float]?, method: MergeMethod, weights: [Float],
                             lambda: Float, tensorIndex: Int) -> [Float] {
        switch method {
        case .linear: return linear(values, weights: weights)
        case .slerp(let t): return slerp(values[0], values[1], t: t)
        case .taskArithmetic: return taskArithmetic(values, base: base!, weights: weights, lambda: lambda)
        case .ties(let density): return ties(values, base: base!, weights: weights, density: density, lambda: lambda)
        case .dare(let density, let seed):
            // One random stream per tensor, so a tensor's mask does not depend on the others.
            var rng = SplitMix64(seed: seed &+ UInt64(tensorIndex) &* 0x9E37_79B9_7F4A_7C15)
            return dare(values, base: base!, weights: weights, density: density, lambda: lambda, rng: &rng)
        }
    }
    // ANCHOR_END: merge-one-tensor
}

/// Why two state dicts cannot be merged.
public enum StateDictMergeError: Error, Equatable, CustomStringConvertible {
    case noModels
    case needsBase(String)
    case slerpNeedsTwo(Int)
    case weightCount(Int, Int)
    case missingTensor(String)
    case shapeMismatch(name: String, [Int], [Int])

    public var description: String {
        switch self {
        case .noModels: return "no models to merge"
        case .needsBase(let method): return "\(method) works on differences from a base model; pass base:"
        case .slerpNeedsTwo(let n): return "slerp merges exactly two models, not \(n)"
        case .weightCount(let w, let m): return "\(w) weights for \(m) models"
        case .missingTensor(let name): return "tensor \(name) is in one model but not the other"
        case .shapeMismatch(let name, let a, let b): return "tensor \(name) has shape \(a) in one model and \(b) in the other"
        }
    }
}
