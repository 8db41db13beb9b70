/// How a conversation becomes one string for a decoder-only model.
///
/// A chat model only ever sees text; the template marks who speaks. Two common layouts:
/// ```
/// ChatML (OpenAI, Qwen):              Alpaca (Stanford, 2023):
/// <|im_start|>user                    ### Instruction:
/// Reverse the word cat.<|im_end|>     Reverse the word cat.
/// <|im_start|>assistant               
/// tac<|im_end|>                       ### Response:
///                                     tac<|endoftext|>
/// ```
/// The model must be trained with the same template it is prompted with at inference; the
/// prompt ends where the assistant's answer begins (the "generation prompt").
///
/// ```swift
/// let (prompt, response) = ChatTemplate.chatML.split(instruction: "Reverse the word cat.", response: "tac")
/// ```
public enum ChatTemplate: String, Sendable, CaseIterable {
    case chatML
    case alpaca

    /// Tokens a template needs as single vocabulary entries.
    public static let specialTokens = ["<|im_start|>", "<|im_end|>", "<|endoftext|>"]

    /// The token that ends the assistant's turn: generation stops there.
    public var endOfTurn: String {
        switch self {
        case .chatML: "<|im_end|>"
        case .alpaca: "<|endoftext|>"
        }
    }

    // ANCHOR: chat-template
    /// The prompt (everything up to where the answer starts) and the response (the answer and
    /// the end-of-turn token) for one exchange. Training scores only the response.
    public func split(instruction: String, response: String, system: String? = nil) -> (prompt: String, response: String) {
        switch self {
        case .chatML:
            let systemTurn = system.map { "<|im_start|>system\n\($0)<|im_end|>\n" } ?? ""
            return (systemTurn + "<|im_start|>user\n\(instruction)<|im_end|>\n<|im_start|>assistant\n", response + "<|im_end|>")
        case .alpaca:
            let preamble = system.map { "\($0)\n\n" } ?? ""
            return (preamble + "### Instruction:\n\(instruction)\n\n### Response:\n", response + "<|endoftext|>")
        }
    }
    // ANCHOR_END: chat-template

    /// The whole exchange as one string.
    public func render(instruction: String, response: String, system: String? = nil) -> String {
        let (prompt, answer) = split(instruction: instruction, response: response, system: system)
        return prompt + answer
    }
}
