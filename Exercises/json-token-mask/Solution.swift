import LLMCourseKit

// The reference answer: the course library's rule (Sources/Decoding/Structured/TokenMask.swift,
// region "token-mask"), with the table as the step function.
func allowedTokens(transitions: [[Int]], accepting: [Bool], state: Int, tokenBytes: [[UInt8]], endToken: Int) -> [Bool] {
    TokenMask.allowed(from: state, tokenBytes: tokenBytes, endToken: endToken,
                      accepting: { accepting[$0] }, step: { transitions[$0][Int($1)] })
}
