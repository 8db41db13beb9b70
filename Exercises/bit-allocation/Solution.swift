import Foundation
import LLMCourseKit

// The reference answer: the course library's exact allocation
// (Sources/Quantization/MixedBit/BitAllocation.swift, region "knapsack"). Every layer gets the
// same weight count, so the library's share weighting (1/L each) leaves the optimum unchanged,
// and a budget of (capacity + ½)/L bits per weight gives back ⌊budget · L⌋ = capacity bits.
func allocateBits(costs: [[Int]], errors: [[Double]], capacity: Int) -> [Int] {
    let profiles = zip(costs, errors).enumerated().map { l, layer in
        LayerErrorProfile(name: "layer \(l)", weightCount: 1, options: zip(layer.0, layer.1).map {
            LayerErrorProfile.Option(bits: 0, storageBits: $0.0, relativeError: $0.1)
        })
    }
    let budget = (Double(capacity) + 0.5) / Double(profiles.count)
    return (try? BitAllocation.optimal(profiles, budget: budget).choices) ?? []
}
