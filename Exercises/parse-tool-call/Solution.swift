import LLMCourseKit

// The reference answer: the library's parser (Sources/Agents/ToolCall.swift, region "parse").
func parseAction(_ line: String, known: [String]) -> Result<ToolCall, ToolCallError> {
    ToolCall.parse(line, known: known)
}
