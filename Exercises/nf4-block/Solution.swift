import LLMCourseKit

// The reference answer: the course library's NF4 block functions
// (Sources/FineTuning/QLoRA/NF4.swift, region "nf4-block").
let nf4Levels: [Float] = NF4.levels

func nf4QuantizeBlock(_ values: [Float]) -> (codes: [UInt8], absmax: Float) {
    NF4.quantizeBlock(values)
}

func nf4DequantizeBlock(_ codes: [UInt8], absmax: Float) -> [Float] {
    NF4.dequantizeBlock(codes, absmax: absmax)
}
