import LLMCourseKit

// The reference answer: the course library's plain GPTQ column step
// (Sources/Quantization/GPTQ/GPTQReference.swift, region "gptq-column-step"), the readable
// twin of the fast loop in Sources/Quantization/GPTQ/GPTQ.swift (region "gptq-column").
func gptqColumnStep(block: inout [[Double]], column i: Int, uRow: [Double],
                    quantize: (Double, Int) -> Double) -> (quantized: [Double], errors: [Double]) {
    GPTQReference.columnStep(block: &block, column: i, uRow: uRow, quantize: quantize)
}
