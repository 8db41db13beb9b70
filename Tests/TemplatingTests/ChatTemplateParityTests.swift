import Foundation
import Testing
@testable import Templating

/// The official chat templates of Qwen 2.5, Llama 3.1 and 3.2, Mistral Nemo and SmolLM3
/// rendered by our Jinja subset, against Python jinja2 configured as Hugging Face configures it
/// (Scripts/fixtures/chat_templates.py made Fixtures/chat_templates.json).
@Suite("Chat templates agree with jinja2")
struct ChatTemplateParityTests {
    static let fixture: JinjaValue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/chat_templates.json")
        return try! JinjaValue.parseJSON(String(contentsOf: url, encoding: .utf8))
    }()

    static func field(_ v: JinjaValue, _ key: String) -> JinjaValue { JinjaBuiltins.attribute(v, key) }

    static let date = JinjaDate(ISO8601DateFormatter().date(from: "2026-12-07T00:00:00Z")!)

    @Test("every family × conversation renders exactly as jinja2 does, or refuses where it does")
    func renderings() throws {
        guard case .list(let renderings) = Self.field(Self.fixture, "renderings") else { Issue.record("no renderings"); return }
        var checked = 0
        for r in renderings {
            let family = Self.field(r, "family").text, name = Self.field(r, "conversation").text
            let spec = Self.field(Self.field(Self.fixture, "templates"), family)
            guard case .dict(let conversation) = Self.field(Self.field(Self.fixture, "conversations"), name) else { continue }
            var variables = conversation.values
            variables["bos_token"] = Self.field(spec, "bos_token")
            variables["eos_token"] = Self.field(spec, "eos_token")
            let template = try JinjaTemplate(Self.field(spec, "source").text)
            let expected = Self.field(r, "text")
            do {
                let ours = try template.render(variables, now: { Self.date })
                #expect(expected != .none, "\(family)/\(name): jinja2 refused, we rendered")
                #expect(ours == expected.text, "\(family)/\(name):\n--- ours\n\(ours)\n--- jinja2\n\(expected.text)")
            } catch JinjaError.raised(let message) {
                #expect(Self.field(r, "error").text == message, "\(family)/\(name)")
            }
            checked += 1
        }
        #expect(checked == 25)
    }
}
