import LLMCourseKit

// The reference answer: the course library's ChatML template (Sources/Templating/ChatTemplateFile.swift,
// region "chatml") rendered by its Jinja subset.
func renderChatML(roles: [String], contents: [String], addGenerationPrompt: Bool) -> String {
    let messages = zip(roles, contents).map { JinjaValue.dict(JinjaDictionary([("role", .string($0)), ("content", .string($1))])) }
    return try! ChatTemplateFile(source: ChatTemplateFile.chatML).render(messages: messages, addGenerationPrompt: addGenerationPrompt)
}
