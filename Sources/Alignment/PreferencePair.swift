/// One preference: a prompt and two responses, the preferred (`chosen`) and the other (`rejected`),
/// all as token ids.
///
/// ```swift
/// PreferencePair(prompt: tok.encode("2+3="), chosen: tok.encode("5"), rejected: tok.encode("6"))
/// ```
public struct PreferencePair: Sendable, Equatable {
    public var prompt: [Int]
    public var chosen: [Int]
    public var rejected: [Int]

    public init(prompt: [Int], chosen: [Int], rejected: [Int]) {
        precondition(!prompt.isEmpty, "PreferencePair: the prompt must hold at least one token")
        precondition(!chosen.isEmpty && !rejected.isEmpty, "PreferencePair: both responses must hold at least one token")
        self.prompt = prompt
        self.chosen = chosen
        self.rejected = rejected
    }
}

/// A prompt and one response, the unit whose log-probability is scored.
public struct PromptResponse: Sendable, Equatable {
    public var prompt: [Int]
    public var response: [Int]

    public init(prompt: [Int], response: [Int]) {
        self.prompt = prompt
        self.response = response
    }
}
