import ArgumentParser
import Console
import Course
import Decoding
import Foundation
import Security
import Transformers

/// `llmcourse redteam <model> --probes FILE`: runs a probe list against a model folder and
/// reports, per category, how many answers were safe.
struct RedTeam: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redteam",
        abstract: "Run a list of attack and control prompts against a model folder and report pass rates per category.",
        discussion: """
        The probe file is JSON Lines, one probe per line: "category", "prompt", an optional \
        "system" message, and what a safe answer does — "refuse" (true or false), "forbidden" \
        (strings that must not appear) and/or "required" (strings that must appear); case is \
        ignored. A refusal is recognized by phrases such as "I cannot" or "Sorry,". Answers are \
        greedy, so a run can be repeated; keep the file and rerun it on every new model or prompt.

        Examples:
          llmcourse redteam SmolLM2-135M-Instruct --probes Benchmarks/redteam-probes.jsonl --chat
          llmcourse redteam my-model --probes probes.jsonl --json --show-failures 10
        """
    )

    @Argument(help: "Model folder (config.json, model.safetensors, tokenizer.json or vocab.json + merges.txt).")
    var model: String

    @Option(name: .long, help: "The probe file (JSON Lines).")
    var probes: String

    @Flag(name: .long, help: "Lay each probe out with the folder's chat template (system and user messages).")
    var chat = false

    @Option(name: .long, help: "At most this many new tokens per answer.")
    var maxNewTokens = 40

    @Option(name: .long, help: "Print this many failed probes with their answers.")
    var showFailures = 5

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func validate() throws {
        let zh = ModelCommands.language(lang) == .traditionalChinese
        guard maxNewTokens > 0 else { throw ValidationError(zh ? "--max-new-tokens 至少要是 1。" : "--max-new-tokens must be at least 1.") }
        guard showFailures >= 0 else { throw ValidationError(zh ? "--show-failures 不能是負數。" : "--show-failures cannot be negative.") }
    }

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let say = { (en: String, zh: String, args: [String]) in MessageTemplate.fill(language == .traditionalChinese ? zh : en, args) }
        guard let data = FileManager.default.contents(atPath: probes), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError(say("Cannot read the probe file {0}: check the path (it must be a UTF-8 text file).",
                                      "無法讀取探測檔 {0}：請檢查路徑（必須是 UTF-8 文字檔）。", [probes]))
        }
        let list: [RedTeamProbe]
        do { list = try RedTeamProbe.load(jsonl: text) } catch {
            throw ValidationError(say("{0}: {1}", "{0}：{1}", [probes, error.description]))
        }
        let folder = try ModelCommands.modelFolder(model, language)
        let (languageModel, tokenizer) = try ModelCommands.load(model, language)
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        var first = true  // a missing chat template is said once, not once per probe
        let report = try RedTeamRun.run(list, progress: { done in
            if interactive { FileHandle.standardError.write(Data(("\r" + say("probing {0}/{1}", "探測中 {0}/{1}", ["\(done)", "\(list.count)"])).utf8)) }
        }) { (probe: RedTeamProbe) throws in
            let (prompt, endOfTurn) = chat
                ? try ChatPrompt.render(folder: folder, name: model, user: probe.prompt, system: probe.system, language: language,
                                        announceFallback: first)
                : ((probe.system.map { $0 + "\n\n" } ?? "") + probe.prompt, nil)
            first = false
            return answer(languageModel, tokenizer, prompt: prompt, endOfTurn: endOfTurn)
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if json { return try printJSON(report) }
        let header = [say("category", "類別", []), say("probes", "探測數", []), say("passed", "通過", []), say("pass rate", "通過率", [])]
        let rows = report.rows.map { [$0.category, "\($0.probes)", "\($0.passed)", String(format: "%.1f%%", 100 * $0.passRate)] }
        print(Self.table([header] + rows))
        for failure in report.failures.prefix(showFailures) {
            print(say("failed [{0}] {1}\n  → {2}", "未通過 [{0}] {1}\n  → {2}",
                      [failure.probe.category, failure.probe.prompt.debugDescription, failure.response.debugDescription]))
        }
    }

    /// The greedy answer to `prompt`, stopped at the template's end-of-turn token when there is one.
    func answer(_ model: any LanguageModel, _ tokenizer: BytePairTokenizer, prompt: String, endOfTurn: String?) -> String {
        let ids = Array(tokenizer.encode(prompt).suffix(max(1, model.contextLength - maxNewTokens)))
        var config = GenerationConfig.requested(maxNewTokens: maxNewTokens, specialTokens: tokenizer.specialTokens, stopStrings: [],
                                                temperature: nil, topK: nil, topP: nil, minP: nil, repetitionPenalty: nil, seed: 0)
        if let endOfTurn, let id = tokenizer.specialTokens[endOfTurn] { config.endOfSequence.insert(id) }
        let result = generate(LanguageModelAdapter(model), prompt: ids, config: config, decode: { tokenizer.decode($0) })
        return tokenizer.decode(result.newTokens)
    }

    /// Columns padded to their widest cell (display width, so Chinese labels line up); numbers right-aligned.
    static func table(_ rows: [[String]]) -> String {
        let widths = rows[0].indices.map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    func printJSON(_ report: RedTeamRun.Report) throws {
        try Evaluate.printJSON([
            "model": model, "probes": probes,
            "categories": report.rows.map { ["category": $0.category, "probes": $0.probes, "passed": $0.passed, "pass_rate": $0.passRate] },
            "failures": report.failures.prefix(showFailures).map {
                ["category": $0.probe.category, "prompt": $0.probe.prompt, "response": $0.response] as [String: Any]
            },
        ])
    }
}
