import Foundation
import Templating
import Transformers

/// `llmcourse run chat-templates`: one conversation through five model families' chat
/// templates (the course's Jinja subset), checked against Python jinja2's text, with the
/// messages cut out so only each family's scaffolding is left.
enum ChatTemplatesDemo {
    static let demo = Demo(id: "chat-templates", summary: "One conversation, five chat templates: the same messages become different token strings",
                           inputs: ["Sources/Templating", "Sources/Demos/Running", "Lessons/running-llms/chat-templates.json"]) { ctx in
        try run(ctx)
    }

    struct Family {
        let name: String, source: String, bos: String, eos: String
    }

    static func load() throws -> (messages: [(role: String, content: String)], families: [Family], jinja2: [String: String]) {
        let data = try Data(contentsOf: RunningDemos.lessonFolder.appendingPathComponent("chat-templates.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let conversation = json["conversation"] as! [String: Any]
        let messages = (conversation["messages"] as! [[String: String]]).map { (role: $0["role"]!, content: $0["content"]!) }
        let families = (json["templates"] as! [[String: Any]]).map {
            Family(name: $0["family"] as! String, source: $0["source"] as! String,
                   bos: $0["bos_token"] as? String ?? "", eos: $0["eos_token"] as? String ?? "")
        }
        return (messages, families, json["jinja2"] as! [String: String])
    }

    /// The date the jinja2 renderings were made with (Llama 3 templates print today's date).
    static let date = JinjaDate(ISO8601DateFormatter().date(from: "2026-12-07T00:00:00Z")!)

    static func run(_ ctx: DemoContext) throws {
        let (messages, families, jinja2) = try load()
        let (_, tokenizer) = try DecodingDemos.tinyModel()
        ctx.heading(ctx.tr("The conversation"))
        for m in messages { ctx.print("  \(m.role): \(m.content)") }
        let values = messages.map { JinjaValue.dict(JinjaDictionary([("role", .string($0.role)), ("content", .string($0.content))])) }
        let contentLength = messages.map(\.content.count).reduce(0, +)

        var rows: [[String]] = []
        var skeletons: [(String, String)] = []
        for f in families {
            let template = try ChatTemplateFile(source: f.source, bosToken: f.bos, eosToken: f.eos)
            let text = try template.render(messages: values, addGenerationPrompt: true, now: { date })
            var skeleton = text
            for (i, m) in messages.enumerated() { skeleton = skeleton.replacingOccurrences(of: m.content, with: "‹\(m.role)\(i)›") }
            skeletons.append((f.name, skeleton))
            rows.append([f.name, "\(text.count)", "\(text.count - contentLength)", "\(tokenizer.encode(text).count)",
                         text == jinja2[f.name] ? ctx.tr("same") : ctx.tr("differs")])
        }
        ctx.heading(ctx.tr("Rendered by each family's template"))
        ctx.table([ctx.tr("family"), ctx.tr("characters"), ctx.tr("scaffolding"), ctx.tr("tokens"), "jinja2"], rows)
        ctx.say("Messages hold {0} characters; the rest is each family's markup. Tokens are counted with the course's 384-token BPE, which has none of these markers as single tokens.", String(contentLength))

        ctx.heading(ctx.tr("The scaffolding (each message replaced by ‹role + index›)"))
        let shown = ctx.quick ? skeletons.filter { ["qwen2.5", "mistral-nemo"].contains($0.0) } : skeletons
        for (name, skeleton) in shown {
            ctx.print()
            ctx.print("[\(name)]")
            for line in skeleton.split(separator: "\n", omittingEmptySubsequences: false) { ctx.print("  │ " + line) }
        }
        ctx.print()
        ctx.say("The model continues after the last line: each family ends the prompt with its own \"assistant, your turn\" marker, and stops when it writes its end-of-turn token ({0}).",
                families.map { "\($0.name) \($0.eos.debugDescription)" }.joined(separator: ", "))
    }
}
