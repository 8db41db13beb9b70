import LLMCourseKit

/// The ChatML prompt for the messages `(roles[i], contents[i])`: each one as
/// `<|im_start|>ROLE\nCONTENT<|im_end|>\n`, then `<|im_start|>assistant\n` when
/// `addGenerationPrompt` is true.
func renderChatML(roles: [String], contents: [String], addGenerationPrompt: Bool) -> String {
    // TODO: lay out every message, then the assistant's turn if asked.
    return contents.joined(separator: "\n")
}
