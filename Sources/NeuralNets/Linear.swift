import Autograd
import Tensors

/// A fully connected layer: `y = x·Wᵀ + b`, optionally followed by an activation.
///
/// Shapes: input `[…, inFeatures]`, output `[…, outFeatures]`; `weight` is
/// `[outFeatures, inFeatures]` (PyTorch's layout), `bias` is `[outFeatures]`.
///
/// Initialization follows PyTorch: weight and bias uniform in `[−k, k]` with `k = 1/√inFeatures`.
///
/// ```swift
/// var rng = SplitMix64(seed: 0)
/// let layer = Linear(64, 256, activation: .relu, rng: &rng)
/// let y = layer(x)              // x: [batch, 64] → y: [batch, 256]
/// ```
///
/// The forward pass is one GEMM whose output buffer starts as the bias rows (GEMM's `beta = 1`
/// adds the product onto them), with the activation applied in the same buffer. The backward
/// pass is two GEMMs with transpose flags and a column sum.
public final class Linear: Module {
    public let weight: Variable
    public let bias: Variable?
    public var activation: Activation
    public var inFeatures: Int { weight.value.shape[1] }
    public var outFeatures: Int { weight.value.shape[0] }

    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, activation: Activation = .identity,
                rng: inout SplitMix64) {
        let k = 1 / Float(inFeatures).squareRoot()
        weight = Variable(.uniform([outFeatures, inFeatures], low: -k, high: k, using: &rng), requiresGrad: true)
        self.bias = bias ? Variable(.uniform([outFeatures], low: -k, high: k, using: &rng), requiresGrad: true) : nil
        self.activation = activation
    }

    /// A layer with given weights (`[out, in]`) and bias (`[out]`).
    public init(weight: Tensor, bias: Tensor?, activation: Activation = .identity) {
        precondition(weight.rank == 2 && (bias == nil || bias!.shape == [weight.shape[0]]),
                     "Linear: weight must be [out, in] and bias [out]; got \(weight.shape) and \(bias?.shape ?? [])")
        self.weight = Variable(weight, requiresGrad: true)
        self.bias = bias.map { Variable($0, requiresGrad: true) }
        self.activation = activation
    }

    public var ownParameters: [(name: String, parameter: Variable)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public func callAsFunction(_ x: Variable) -> Variable {
        linear(x, weight: weight, bias: bias, activation: activation)
    }
}

// ANCHOR: linear
/// `activation(x·Wᵀ + b)` as one graph node. `x: […, in]`, `weight: [out, in]`, `bias: [out]`.
///
/// Backward, with `G` the incoming gradient times `activation′(pre-activation)`, flattened to rows:
/// `∂x = G·W`, `∂W = Gᵀ·x`, `∂b = Σ_rows G`.
///
/// `weightLayout: .inOut` takes the weight stored `[in, out]` instead (GPT-2's `Conv1D`):
/// then the product is `x·W` and `∂W = xᵀ·G` — the same GEMMs with the other transpose flags.
public func linear(_ x: Variable, weight: Variable, bias: Variable?, activation: Activation = .identity,
                   weightLayout: WeightLayout = .outIn) -> Variable {
    let storedInOut = weightLayout == .inOut
    let inFeatures = weight.value.shape[storedInOut ? 0 : 1], outFeatures = weight.value.shape[storedInOut ? 1 : 0]
    precondition(weight.value.rank == 2 && x.value.shape.last == inFeatures,
                 "linear: input \(x.value.shape) does not end in \(inFeatures) (weight \(weight.value.shape), \(weightLayout))")
    precondition(bias == nil || bias!.value.shape == [outFeatures],
                 "linear: bias \(bias!.value.shape) should be [\(outFeatures)]")
    let rows = x.value.count / Swift.max(inFeatures, 1)
    let outShape = Array(x.value.shape.dropLast()) + [outFeatures]
    // Pre-activation: bias rows, then += x·Wᵀ (or x·W).
    var pre = Tensor(shape: outShape) { out in
        if let b = bias?.value.scalars {
            b.withUnsafeBufferPointer { b in
                for r in 0..<rows { (out.baseAddress! + r * outFeatures).update(from: b.baseAddress!, count: outFeatures) }
            }
        }
    }
    pre.scalars.withUnsafeMutableBufferPointer { c in
        Tensor.gemm(transposeA: false, transposeB: !storedInOut, m: rows, n: outFeatures, k: inFeatures,
                    a: x.value.scalars, b: weight.value.scalars, c: c.baseAddress!, beta: bias == nil ? 0 : 1)
    }
    // ReLU is applied in place: its backward pass only needs the output's sign.
    let out: Tensor
    switch activation {
    case .identity: out = pre
    case .relu:
        pre.scalars.withUnsafeMutableBufferPointer { p in for i in p.indices { p[i] = Swift.max(p[i], 0) } }
        out = pre
    default: out = pre.applyingVectorised(activation)
    }
    let input = pre
    let parents = [x, weight] + (bias.map { [$0] } ?? [])
    return Variable(out, operation: "linear", parents: parents) { g in
        // Through the activation (ReLU reads its mask from the output; others need the input).
        let local: Tensor
        switch activation {
        case .identity: local = g
        case .relu: local = Tensor.zipBroadcast(g, out) { g, y in y > 0 ? g : 0 }
        default: local = activation.backwardVectorised(g, input: input)
        }
        if weight.requiresGrad {
            weight.accumulateGrad { buffer, beta in
                if storedInOut {
                    Tensor.gemm(transposeA: true, transposeB: false, m: inFeatures, n: outFeatures, k: rows,
                                a: x.value.scalars, b: local.scalars, c: buffer, beta: beta)
                } else {
                    Tensor.gemm(transposeA: true, transposeB: false, m: outFeatures, n: inFeatures, k: rows,
                                a: local.scalars, b: x.value.scalars, c: buffer, beta: beta)
                }
            }
        }
        if let bias, bias.requiresGrad {
            bias.accumulateGrad { buffer, beta in columnSums(local, rows: rows, columns: outFeatures, into: buffer, beta: beta) }
        }
        if x.requiresGrad {
            x.accumulateGrad { buffer, beta in
                Tensor.gemm(transposeA: false, transposeB: storedInOut, m: rows, n: inFeatures, k: outFeatures,
                            a: local.scalars, b: weight.value.scalars, c: buffer, beta: beta)
            }
        }
    }
}
// ANCHOR_END: linear

/// How a linear layer's weight matrix is stored.
public enum WeightLayout: Sendable {
    /// `[out, in]`: PyTorch's `nn.Linear`, Llama's projections.
    case outIn
    /// `[in, out]`: GPT-2's `Conv1D`.
    case inOut
}

/// `buffer = beta·buffer + Σ_rows matrix` for a `[rows, columns]` matrix: a bias gradient,
/// summed row after row so the inner loop runs along memory.
func columnSums(_ matrix: Tensor, rows: Int, columns: Int, into buffer: UnsafeMutablePointer<Float>, beta: Float) {
    if beta == 0 { buffer.initialize(repeating: 0, count: columns) }
    matrix.scalars.withUnsafeBufferPointer { m in
        for r in 0..<rows {
            let row = m.baseAddress! + r * columns
            for j in 0..<columns { buffer[j] += row[j] }
        }
    }
}
