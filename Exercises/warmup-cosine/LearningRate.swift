import Foundation
import LLMCourseKit

/// The learning rate at optimizer step `step` (counting from 0) under linear warm-up followed by
/// cosine decay, the schedule of most pre-training runs.
///
/// - `step < warmupSteps`: rise in a straight line from 0 towards `peak`: `peak · step / warmupSteps`.
/// - `warmupSteps ≤ step < totalSteps`: with `progress = (step − warmupSteps) / (totalSteps − warmupSteps)`,
///   `floor + (peak − floor) · ½ · (1 + cos(π · progress))` — from `peak` down to `floor`.
/// - `step ≥ totalSteps`: stay at `floor`.
///
///     learningRate(step: 11, peak: 2e-4, warmupSteps: 10, totalSteps: 20, floor: 0)  ≈  1.951e-4
func learningRate(step: Int, peak: Float, warmupSteps: Int, totalSteps: Int, floor: Float) -> Float {
    // TODO: the warm-up: a straight line from 0 at step 0 to `peak` at step `warmupSteps`.
    // TODO: after the last step, return `floor`.
    // TODO: in between, the cosine: progress from 0 to 1, ½(1 + cos(π · progress)) from 1 to 0.
    return peak
}
