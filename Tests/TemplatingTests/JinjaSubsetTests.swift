import Foundation
import Testing
@testable import Templating

@Suite("The Jinja subset")
struct JinjaSubsetTests {
    func render(_ source: String, _ variables: [String: JinjaValue] = [:]) throws -> String {
        try JinjaTemplate(source).render(variables)
    }

    @Test("whitespace control: - on either side, trim_blocks and lstrip_blocks as Hugging Face sets them")
    func whitespace() throws {
        #expect(try render("a  {{- 'b' -}}  c") == "abc")
        #expect(try render("{% if true %}\nyes\n{% endif %}\n") == "yes\n")           // trim_blocks
        #expect(try render("x\n    {% if true %}y{% endif %}") == "x\ny")             // lstrip_blocks
        #expect(try render("x {% if true %}y{% endif %}") == "x y")                   // not at a line start
        #expect(try render("x\n    {%+ if true %}y{% endif %}") == "x\n    y")        // {%+ keeps the indent
        #expect(try render("a{# a comment #}\nb") == "ab")
    }

    @Test("expressions: Python's truthiness, str(), negative indices, slices, in, is, filters and methods")
    func expressions() throws {
        let m: JinjaValue = .list([.string("a"), .string("b"), .string("c")])
        #expect(try render("{{ m[-1] }}{{ m[1:] | length }}{{ 'b' in m }}", ["m": m]) == "c2True")
        #expect(try render("{{ none }}|{{ x }}|{{ [1, 'a'] }}|{{ 3 // 2 }}|{{ 7 % 3 }}|{{ 1 ~ 'x' }}") == "None||[1, 'a']|1|1|1x")
        #expect(try render("{{ x is defined }}{{ y is not none }}{{ 'a' is string }}", ["y": .int(1)]) == "FalseTrueTrue")
        #expect(try render("{{ '  hi  ' | trim }}|{{ ' xx '.strip() }}|{{ 'a-b'.replace('-', '+') }}|{{ 'ab'.upper() }}") == "hi|xx|a+b|AB")
        #expect(try render("{{ x | default('d') }}|{{ [3, 1] | join(',') }}|{{ 'yes' if 0 else 'no' }}") == "d|3,1|no")
        #expect(try render("{{ {'b': 1, 'a': [true, none, 'é\"']} | tojson }}") == "{\"b\": 1, \"a\": [true, null, \"é\\\"\"]}")
        #expect(try render("{{ {'a': [1]} | tojson(indent=2) }}") == "{\n  \"a\": [\n    1\n  ]\n}")
    }

    @Test("loops: loop variables, filters, else, break and continue; set does not leak, namespace does")
    func loops() throws {
        let items: JinjaValue = .list([.int(1), .int(2), .int(3), .int(4)])
        #expect(try render("{% for i in items if i is odd %}{{ loop.index }}:{{ i }}{{ ',' if not loop.last }}{% endfor %}", ["items": items]) == "1:1,2:3")
        #expect(try render("{% for i in [] %}x{% else %}empty{% endfor %}") == "empty")
        #expect(try render("{% for i in items %}{% if i == 3 %}{% break %}{% endif %}{% if i == 1 %}{% continue %}{% endif %}{{ i }}{% endfor %}", ["items": items]) == "2")
        #expect(try render("{% set x = 1 %}{% for i in items %}{% set x = i %}{% endfor %}{{ x }}", ["items": items]) == "1")
        #expect(try render("{% set ns = namespace(n=0) %}{% for i in items %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}", ["items": items]) == "10")
        #expect(try render("{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", ["d": try .parseJSON("{\"z\": 1, \"a\": 2}")]) == "z=1;a=2;")
    }

    @Test("what the subset cannot do is named, and a template's own refusal is passed on")
    func errors() {
        #expect(throws: JinjaError.unsupported("`{% macro %}` (the subset has if, for, set, break and continue)")) {
            _ = try JinjaTemplate("{% macro f() %}{% endmacro %}")
        }
        #expect(throws: JinjaError.unsupported("the filter `| wordwrap`")) { _ = try render("{{ 'a' | wordwrap }}") }
        #expect(throws: JinjaError.raised("no system role")) { _ = try render("{{ raise_exception('no system role') }}") }
        #expect(throws: JinjaError.self) { _ = try JinjaTemplate("{% if x %}never closed") }
        #expect(throws: JinjaError.self) { _ = try JinjaTemplate("{{ 'unclosed") }
    }

    @Test("a folder without a template gets ChatML and says so; a folder's template and tokens are read")
    func modelFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chat-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fallback = try ChatTemplateFile(folder: folder)
        #expect(fallback.isFallback)
        let hi: JinjaValue = try .parseJSON("{\"role\": \"user\", \"content\": \"Hi\"}")
        #expect(try fallback.render(messages: [hi], addGenerationPrompt: true) == "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")
        let config = "{\"bos_token\": {\"content\": \"<s>\"}, \"chat_template\": \"{{ bos_token }}{% for m in messages %}[{{ m.role }}] {{ m.content }}{% endfor %}\"}"
        try Data(config.utf8).write(to: folder.appendingPathComponent("tokenizer_config.json"))
        let own = try ChatTemplateFile(folder: folder)
        #expect(!own.isFallback && own.bosToken == "<s>")
        #expect(try own.render(messages: [hi], addGenerationPrompt: false) == "<s>[user] Hi")
    }
}
