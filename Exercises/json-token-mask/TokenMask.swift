import LLMCourseKit

/// One `Bool` per token: may it follow in `state`?
///
/// - `transitions[s][b]`: the state after byte `b` in state `s`, `-1` when no match can follow.
/// - `accepting[s]`: the text that led to `s` is a complete match.
/// - A token is allowed when walking all its bytes never reaches `-1`; a token with no bytes
///   never is; `endToken` is allowed exactly when `state` accepts.
func allowedTokens(transitions: [[Int]], accepting: [Bool], state: Int, tokenBytes: [[UInt8]], endToken: Int) -> [Bool] {
    // TODO: walk each token's bytes through `transitions`, starting from `state`.
    return tokenBytes.map { _ in true }
}
