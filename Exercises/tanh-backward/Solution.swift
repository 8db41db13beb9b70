import LLMCourseKit

// The reference answer: the course library's tanh and the backward pass it registers
// (Sources/Autograd/UnaryFunctions.swift, region "tanh").
func tanhForward(_ x: [Float]) -> [Float] {
    Tensor(x).tanh().scalars
}

func tanhBackward(output: [Float], upstream: [Float]) -> [Float] {
    Variable.tanhBackward(output: Tensor(output), upstream: Tensor(upstream)).scalars
}
