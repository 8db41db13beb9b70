import LLMCourseKit

// The reference answer: the course library's skip-gram loss and gradients
// (Sources/Fundamentals/SkipGram.swift, region "skipgram-gradients"), the step without the update.
func skipGramLoss(centre v: [Double], context u: [Double], negatives: [[Double]])
    -> (loss: Double, dCentre: [Double], dContext: [Double], dNegatives: [[Double]]) {
    SkipGram.lossAndGradients(centre: v, context: u, negatives: negatives)
}
