import Autograd
import Tensors

/// Which normalization a ``NormalizedMLP`` puts between each hidden layer's linear map and its
/// activation.
public enum HiddenNormalization: String, Sendable, CaseIterable {
    case none, batch, layer
}

/// A deep multi-layer perceptron whose hidden layers are `Linear → normalization → activation`,
/// the placement of Ioffe and Szegedy (2015), for comparing batch norm, layer norm and none.
///
/// Shapes: input `[N, sizes[0]]` → hidden `[N, sizes[i]]` → output `[N, sizes.last]` (no
/// normalization or activation on the output layer). Weights start as PyTorch's `nn.Linear`
/// default unless `initialization` says otherwise.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let model = NormalizedMLP([2, 64, 64, 64, 2], normalization: .batch, activation: .relu, rng: &rng)
/// ```
public final class NormalizedMLP: Module {
    public let layers: [Linear]
    public let normalization: HiddenNormalization
    public let batchNorms: [BatchNorm]
    public let layerNorms: [LayerNorm]
    public let activation: Activation

    public init(_ sizes: [Int], normalization: HiddenNormalization, activation: Activation,
                initialization: WeightInitialization = .pytorchDefault, rng: inout SplitMix64) {
        precondition(sizes.count >= 2, "NormalizedMLP: need at least input and output sizes, got \(sizes)")
        layers = (0..<(sizes.count - 1)).map { i in
            let layer = Linear(sizes[i], sizes[i + 1], rng: &rng)
            if initialization != .pytorchDefault {
                layer.weight.value = initialization.sample(fanIn: sizes[i], fanOut: sizes[i + 1], using: &rng)
            }
            return layer
        }
        let hidden = Array(sizes.dropFirst().dropLast())
        batchNorms = normalization == .batch ? hidden.map { BatchNorm($0) } : []
        layerNorms = normalization == .layer ? hidden.map { LayerNorm($0) } : []
        self.normalization = normalization
        self.activation = activation
    }

    public var children: [(name: String, module: any Module)] {
        layers.enumerated().map { ("layers.\($0.offset)", $0.element as any Module) }
            + batchNorms.enumerated().map { ("norms.\($0.offset)", $0.element as any Module) }
            + layerNorms.enumerated().map { ("norms.\($0.offset)", $0.element as any Module) }
    }

    // ANCHOR: normalized-forward
    public func callAsFunction(_ x: Variable) -> Variable {
        var h = x
        for (i, layer) in layers.enumerated() {
            h = layer(h)                                        // [N, sizes[i + 1]]
            guard i < layers.count - 1 else { break }           // the output layer: logits
            switch normalization {
            case .none: break
            case .batch: h = batchNorms[i](h)                   // each column over the batch
            case .layer: h = layerNorms[i](h)                   // each row over its features
            }
            h = h.applying(activation)
        }
        return h
    }
    // ANCHOR_END: normalized-forward
}
