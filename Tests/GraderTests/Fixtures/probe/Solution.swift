import LLMCourseKit

// The reference answer.
func answer() -> Int {
    42
}
