import LLMCourseKit

// The reference answer: the course library's softmax regression
// (Sources/Fundamentals/Tabular/SoftmaxRegression.swift, region "gradient").
func softmaxStep(weights: [[Double]], biases: [Double], rows: [[Double]], labels: [Int],
                 learningRate: Double, l2: Double) -> (weights: [[Double]], biases: [Double], loss: Double) {
    var model = SoftmaxRegression(weights: weights, biases: biases, l2: l2)
    let loss = model.step(rows, labels: labels, learningRate: learningRate)
    return (model.weights, model.biases, loss)
}
