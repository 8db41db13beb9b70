import LLMCourseKit

func registerChecks(_ suite: CheckSuite) {
    suite.check("a two-message example written out", zh: "寫出來的兩則訊息範例") { c in
        try c.expectEqual(renderChatML(roles: ["system", "user"], contents: ["Be brief.", "2 + 3?"], addGenerationPrompt: true),
                          "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2 + 3?<|im_end|>\n<|im_start|>assistant\n",
                          "renderChatML(system, user, addGenerationPrompt: true)")
        try c.expectEqual(renderChatML(roles: ["user", "assistant"], contents: ["hi", "hello"], addGenerationPrompt: false),
                          "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\nhello<|im_end|>\n",
                          "renderChatML(user, assistant, addGenerationPrompt: false)")
    }

    suite.check("no messages: only the generation prompt", zh: "沒有訊息時只有生成提示") { c in
        try c.expectEqual(renderChatML(roles: [], contents: [], addGenerationPrompt: true), "<|im_start|>assistant\n", "empty conversation")
        try c.expectEqual(renderChatML(roles: [], contents: [], addGenerationPrompt: false), "", "empty conversation, no prompt")
    }

    suite.check("matches the Jinja renderer on random conversations", zh: "在隨機對話上與 Jinja 繪製器一致", points: 2) { c in
        let words = ["hello", "量化", "\"quoted\"", "line\nbreak", " spaced ", "{{ not code }}", "<|im_end|>", "42", ""]
        let template = try ChatTemplateFile(source: ChatTemplateFile.chatML)
        for _ in 0..<20 {
            let n = c.int(in: 1...5)
            let roles = (0..<n).map { _ in c.pick(["system", "user", "assistant", "tool"]) }
            let contents = (0..<n).map { _ in (0..<c.int(in: 0...4)).map { _ in c.pick(words) }.joined(separator: " ") }
            let prompt = c.bool()
            let messages = zip(roles, contents).map { JinjaValue.dict(JinjaDictionary([("role", .string($0)), ("content", .string($1))])) }
            let expected = try template.render(messages: messages, addGenerationPrompt: prompt)
            try c.expectEqual(renderChatML(roles: roles, contents: contents, addGenerationPrompt: prompt), expected,
                              "renderChatML of \(n) messages, addGenerationPrompt \(prompt)")
        }
    }
}
