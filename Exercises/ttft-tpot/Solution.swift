import LLMCourseKit

// The reference answer: the library's timing (Sources/LoadTesting/RequestTiming.swift,
// region "timing"), which `llmcourse loadtest` applies to every request.
func requestTiming(start: Double, tokenTimes: [Double], end: Double) -> RequestTiming? {
    RequestTiming.from(start: start, tokenTimes: tokenTimes, end: end)
}
