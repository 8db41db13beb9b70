import LLMCourseKit

// The reference answer: the course library's element-by-element Adam rule
// (Sources/NeuralNets/AdamRule.swift, region "adam-update"), the rule the Adam optimizer applies.
func adamStep(theta: [Float], grad: [Float], m: [Float], v: [Float], step: Int,
              learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
              weightDecay: Float, decoupled: Bool) -> (theta: [Float], m: [Float], v: [Float]) {
    let rule = AdamRule(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                        weightDecay: weightDecay, decoupled: decoupled)
    var (newM, newV) = (m, v)
    let newTheta = rule.update(theta: theta, grad: grad, m: &newM, v: &newV, step: step)
    return (newTheta, newM, newV)
}
