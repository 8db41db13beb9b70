import Foundation
import LLMCourseKit

// The reference answer is the library's schedule itself: WarmupCosineSchedule in
// Sources/NeuralNets/TrainingUtilities.swift (region "schedule"), the one PreTrainer follows.
func learningRate(step: Int, peak: Float, warmupSteps: Int, totalSteps: Int, floor: Float) -> Float {
    WarmupCosineSchedule(peak: peak, warmupSteps: warmupSteps, totalSteps: totalSteps, floor: floor).learningRate(at: step)
}
