import Autograd
import Tensors

/// Batch normalization over the batch axis (Ioffe & Szegedy 2015), PyTorch's `BatchNorm1d` for
/// inputs `[N, C]`.
///
/// - Training (`isTraining`): each column is normalized by the mean and biased variance of the
///   current batch, and the running statistics move towards them (momentum 0.1: `running ←
///   0.9·running + 0.1·batch`, the variance unbiased). The output of one example depends on the
///   others in its batch.
/// - Evaluation: the running statistics replace the batch's, so each example is transformed
///   alone and deterministically: `y = (x − running mean)/√(running var + ε)·γ + β`.
///
/// Shapes: `x: [N, C]`, `weight` (γ), `bias` (β), `runningMean`, `runningVariance`: `[C]`.
/// Initialized γ = 1, β = 0, running mean 0, running variance 1 (as PyTorch).
///
/// ```swift
/// let norm = BatchNorm(64)
/// let y = norm(x)              // training: batch statistics, running statistics updated
/// norm.isTraining = false      // or model.setTraining(false)
/// let z = norm(x)              // evaluation: running statistics
/// ```
public final class BatchNorm: Module, TrainingModeDependent {
    public let weight: Variable
    public let bias: Variable
    public private(set) var runningMean: [Float]
    public private(set) var runningVariance: [Float]
    public let epsilon: Float, momentum: Float
    public var isTraining = true

    public init(_ channels: Int, epsilon: Float = 1e-5, momentum: Float = 0.1) {
        weight = Variable(.ones([channels]), requiresGrad: true)
        bias = Variable(.zeros([channels]), requiresGrad: true)
        runningMean = [Float](repeating: 0, count: channels)
        runningVariance = [Float](repeating: 1, count: channels)
        self.epsilon = epsilon
        self.momentum = momentum
    }

    public var ownParameters: [(name: String, parameter: Variable)] { [("weight", weight), ("bias", bias)] }

    public func callAsFunction(_ x: Variable) -> Variable {
        precondition(x.value.rank == 2 && x.value.shape[1] == runningMean.count,
                     "BatchNorm: input \(x.value.shape) should be [N, \(runningMean.count)]")
        if !isTraining {
            return batchNormEvaluation(x, weight: weight, bias: bias, runningMean: runningMean,
                                       runningVariance: runningVariance, epsilon: epsilon)
        }
        let (y, batch) = batchNormTraining(x, weight: weight, bias: bias, epsilon: epsilon)
        BatchNormKernels.updateRunning(mean: &runningMean, variance: &runningVariance, batch: batch,
                                       rows: x.value.shape[0], momentum: momentum)
        return y
    }
}

/// Training-mode batch norm of `x: [N, C]` as one graph node; also returns the batch statistics.
public func batchNormTraining(_ x: Variable, weight: Variable, bias: Variable,
                              epsilon: Float = 1e-5) -> (output: Variable, batch: BatchNormKernels.Forward) {
    let (rows, channels) = (x.value.shape[0], x.value.shape[1])
    let gamma = weight.value.scalars
    let forward = BatchNormKernels.forward(x.value.scalars, rows: rows, channels: channels, gamma: gamma,
                                           beta: bias.value.scalars, epsilon: epsilon)
    let y = Variable(Tensor(shape: [rows, channels], scalars: forward.output), operation: "batch-norm",
                     parents: [x, weight, bias]) { g in
        let grads = BatchNormKernels.backward(g.scalars, normalized: forward.normalized, inverseStd: forward.inverseStd,
                                              gamma: gamma, rows: rows, channels: channels)
        if x.requiresGrad { x.accumulateGrad(Tensor(shape: [rows, channels], scalars: grads.dx)) }
        if weight.requiresGrad { weight.accumulateGrad(Tensor(shape: [channels], scalars: grads.dGamma)) }
        if bias.requiresGrad { bias.accumulateGrad(Tensor(shape: [channels], scalars: grads.dBeta)) }
    }
    return (y, forward)
}

/// Evaluation-mode batch norm: a fixed per-column affine map, `y = x̂·γ + β` with
/// `x̂ = (x − mean)·r`, `r = 1/√(var + ε)`. Gradients: `∂x = g·γ·r`, `∂γ = Σ_rows g·x̂`, `∂β = Σ_rows g`.
public func batchNormEvaluation(_ x: Variable, weight: Variable, bias: Variable, runningMean: [Float],
                                runningVariance: [Float], epsilon: Float = 1e-5) -> Variable {
    let (rows, channels) = (x.value.shape[0], x.value.shape[1])
    let inverse = runningVariance.map { 1 / ($0 + epsilon).squareRoot() }
    let gamma = weight.value.scalars, beta = bias.value.scalars
    var xHat = x.value.scalars
    var y = xHat
    for n in 0..<rows {
        for c in 0..<channels {
            let i = n * channels + c
            xHat[i] = (xHat[i] - runningMean[c]) * inverse[c]
            y[i] = xHat[i] * gamma[c] + beta[c]
        }
    }
    let normalized = xHat
    return Variable(Tensor(shape: [rows, channels], scalars: y), operation: "batch-norm-eval",
                    parents: [x, weight, bias]) { g in
        let gs = g.scalars
        var dx = gs, dGamma = [Float](repeating: 0, count: channels), dBeta = dGamma
        for n in 0..<rows {
            for c in 0..<channels {
                let i = n * channels + c
                dx[i] = gs[i] * gamma[c] * inverse[c]
                dGamma[c] += gs[i] * normalized[i]
                dBeta[c] += gs[i]
            }
        }
        if x.requiresGrad { x.accumulateGrad(Tensor(shape: [rows, channels], scalars: dx)) }
        if weight.requiresGrad { weight.accumulateGrad(Tensor(shape: [channels], scalars: dGamma)) }
        if bias.requiresGrad { bias.accumulateGrad(Tensor(shape: [channels], scalars: dBeta)) }
    }
}
