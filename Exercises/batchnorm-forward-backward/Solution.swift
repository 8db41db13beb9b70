import LLMCourseKit

// The reference answer: the course library's batch-norm kernels
// (Sources/NeuralNets/BatchNormKernels.swift, regions "batchnorm-forward" and "batchnorm-backward"),
// the arithmetic inside the BatchNorm layer.
func batchNormForward(_ x: [[Float]], gamma: [Float], beta: [Float], epsilon: Float)
    -> (y: [[Float]], mean: [Float], variance: [Float]) {
    let (n, c) = (x.count, gamma.count)
    let f = BatchNormKernels.forward(x.flatMap { $0 }, rows: n, channels: c, gamma: gamma, beta: beta, epsilon: epsilon)
    return (rows(f.output, c), f.mean, f.variance)
}

func batchNormBackward(_ x: [[Float]], gamma: [Float], upstream g: [[Float]], epsilon: Float)
    -> (dx: [[Float]], dGamma: [Float], dBeta: [Float]) {
    let (n, c) = (x.count, gamma.count)
    let beta = [Float](repeating: 0, count: c)
    let f = BatchNormKernels.forward(x.flatMap { $0 }, rows: n, channels: c, gamma: gamma, beta: beta, epsilon: epsilon)
    let b = BatchNormKernels.backward(g.flatMap { $0 }, normalized: f.normalized, inverseStd: f.inverseStd, gamma: gamma,
                                      rows: n, channels: c)
    return (rows(b.dx, c), b.dGamma, b.dBeta)
}

private func rows(_ flat: [Float], _ c: Int) -> [[Float]] {
    stride(from: 0, to: flat.count, by: c).map { Array(flat[$0..<($0 + c)]) }
}
