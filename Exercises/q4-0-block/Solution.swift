import Foundation
import LLMCourseKit

// The reference answer: the course library's packer
// (Sources/Quantization/GGUF/BlockFormats.swift, region "q4_0-pack").
func packQ4_0(_ block: [Float]) -> [UInt8] {
    Q4_0.pack(block[...])
}
