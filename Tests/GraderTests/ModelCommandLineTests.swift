import Foundation
import Testing

/// The model commands as a learner runs them (the built `llmcourse`): plain output that a file
/// or a pipe can take, and errors that name the file.
@Suite("Model commands")
struct ModelCommandLineTests {
    static let models = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures")

    func llmcourse(_ arguments: [String]) throws -> CommandLineTests.Run? {
        try CommandLineTests.runBinary(arguments, environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C", "LLMCOURSE_LANG": "en"])
    }

    @Test func generatedTextEndsItsLineAndTheSummaryGoesToStandardError() throws {
        let model = Self.models.appendingPathComponent("gpt2-tiny").path
        guard let run = try llmcourse(["generate", model, "hello", "--max-new-tokens", "3", "--seed", "1"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("hello") && run.output.hasSuffix("\n"), "\(run.output.debugDescription)")
        #expect(!run.output.contains("tokens/s") && run.errors.contains("tokens"), "the summary is not part of the text")
    }

    @Test func chatRendersTheFoldersTemplateAndPrintsOnlyTheAnswer() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chat-model-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.models.appendingPathComponent("gpt2-tiny"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = #"{"chat_template": "{% for m in messages %}{{ m.role[0] }}: {{ m.content }} {% endfor %}{% if add_generation_prompt %}a:{% endif %}"}"#
        try Data(config.utf8).write(to: folder.appendingPathComponent("tokenizer_config.json"))
        guard let run = try llmcourse(["generate", folder.path, "hello", "--chat", "--system", "be brief", "--max-new-tokens", "3"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.output.contains("hello") && !run.output.contains("be brief"), "only the answer is printed: \(run.output.debugDescription)")
        #expect(!run.errors.contains("ChatML"), "the folder's own template is used")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("tokenizer_config.json"))
        guard let fallback = try llmcourse(["generate", folder.path, "hi", "--chat"]) else { return }
        #expect(fallback.errors.contains("has no chat template (no chat_template in tokenizer_config.json): using ChatML."), "\(fallback.errors)")
    }

    @Test func aFolderWithoutAModelIsNamedWithWhatItHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let run = try llmcourse(["generate", folder.path, "hello"]) else { return }
        #expect(run.status != 0)
        #expect(run.errors.contains("config.json not found in \(folder.path)") && run.errors.contains("the folder is empty"), "\(run.errors)")
        #expect(!run.errors.contains("Usage") && !run.errors.contains("doesn’t exist"), "no generic usage, no Foundation wording")
    }
}

/// `evaluate --task mcq` and `--metric` as a learner runs them.
@Suite("Evaluate: benchmarks and metrics")
struct EvaluateCommandLineTests {
    static let model = ProbeCourse.packageRoot.appendingPathComponent("Tests/TransformersTests/Fixtures/gpt2-tiny").path

    func llmcourse(_ arguments: [String]) throws -> CommandLineTests.Run? {
        try CommandLineTests.runBinary(arguments, environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C", "LLMCOURSE_LANG": "en"])
    }

    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evaluate-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func multipleChoiceReportsAccAndAccNormAsJSON() throws {
        let questions = try file("""
        {"question": "2 + 3 =", "choices": [" 5", " 23", " 6"], "answer": 0}

        {"question": "The capital of France is", "choices": [" Paris", " Rome"], "answer": 0}
        """)
        guard let run = try llmcourse(["evaluate", Self.model, "--task", "mcq", questions, "--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        let record = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(record?["questions"] as? Int == 2)
        let acc = record?["acc"] as? Double ?? -1, norm = record?["acc_norm"] as? Double ?? -1
        #expect([0, 0.5, 1].contains(acc) && [0, 0.5, 1].contains(norm), "\(run.output)")
    }

    @Test func aBrokenQuestionIsNamedByLine() throws {
        let questions = try file("{\"question\": \"a\", \"choices\": [\"b\", \"c\"], \"answer\": 0}\n{\"question\": \"a\", \"choices\": [\"b\", \"c\"], \"answer\": 2}\n")
        guard let run = try llmcourse(["evaluate", Self.model, "--task", "mcq", questions]) else { return }
        #expect(run.status != 0)
        #expect(run.errors.contains("\(questions):2: answer 2 is not a choice; use an index from 0 to 1"), "\(run.errors)")
        guard let bad = try llmcourse(["evaluate", Self.model, "--task", "mcq", try file("{\"question\": 1}\n")]) else { return }
        #expect(bad.errors.contains(":1: not a question"), "\(bad.errors)")
    }

    @Test func bleuAndRougeNeedNoModelAndCheckTheLines() throws {
        let outputs = try file("the cat sat on the mat\nhello world\n")
        let references = try file("the cat is on the mat\nhello there world\n")
        guard let run = try llmcourse(["evaluate", "--metric", "bleu", "--outputs", outputs, "--references", references, "--json"]) else { return }
        #expect(run.status == 0, "\(run.errors)")
        let record = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let score = record?["score"] as? Double ?? -1
        #expect(score > 0 && score < 100, "\(run.output)")
        guard let rouge = try llmcourse(["evaluate", "--metric", "rouge-l", "--outputs", outputs, "--references", references]) else { return }
        #expect(rouge.status == 0 && rouge.output.contains("ROUGE-L"), "\(rouge.errors)")
        guard let short = try llmcourse(["evaluate", "--metric", "bleu", "--outputs", outputs, "--references", try file("one line\n")]) else { return }
        #expect(short.status != 0 && short.errors.contains("has 1 line but"), "\(short.errors)")
        guard let both = try llmcourse(["evaluate", Self.model, "--metric", "bleu", "--outputs", outputs, "--references", references]) else { return }
        #expect(both.status != 0 && both.errors.contains("needs no model"), "\(both.errors)")
        guard let none = try llmcourse(["evaluate", Self.model]) else { return }
        #expect(none.status != 0 && none.errors.contains("Choose one"), "\(none.errors)")
    }
}
