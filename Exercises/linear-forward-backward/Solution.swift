import LLMCourseKit

// The reference answer: the course library's linear layer and its backward pass
// (Sources/NeuralNets/Linear.swift, region "linear"), called through the autograd engine.
func linearForward(_ x: [[Float]], weight: [[Float]], bias: [Float]) -> [[Float]] {
    let y = linear(Variable(Tensor(x)), weight: Variable(Tensor(weight)), bias: Variable(Tensor(bias))).value
    return rows(y)
}

func linearBackward(_ x: [[Float]], weight: [[Float]], upstream g: [[Float]])
    -> (dx: [[Float]], dWeight: [[Float]], dBias: [Float]) {
    let input = Variable(Tensor(x), requiresGrad: true)
    let w = Variable(Tensor(weight), requiresGrad: true)
    let b = Variable(Tensor([Float](repeating: 0, count: weight.count)), requiresGrad: true)
    linear(input, weight: w, bias: b).backward(seed: Tensor(g))
    return (rows(input.grad!), rows(w.grad!), b.grad!.scalars)
}

private func rows(_ t: Tensor) -> [[Float]] {
    let columns = t.shape[1]
    return (0..<t.shape[0]).map { Array(t.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
}
