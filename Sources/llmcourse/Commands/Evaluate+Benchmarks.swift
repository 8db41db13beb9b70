import ArgumentParser
import Course
import Evaluation
import Foundation
import ModelTools
import Terminal

/// `evaluate --task mcq FILE` and `evaluate --metric bleu|rouge-l`.
extension Evaluate {
    func validateMode(_ language: CourseLanguage) throws {
        let say = { (key: ModelMessages.Key, args: [String]) in ValidationError(ModelMessages.text(key, language, args.first ?? "")) }
        let modes = [text != nil, !task.isEmpty, metric != nil].filter { $0 }.count
        guard modes == 1 else { throw say(.chooseOneMode, []) }
        if metric == nil, outputs != nil || !references.isEmpty { throw say(.referencesWithoutMetric, []) }
        if let metric {
            guard ["bleu", "rouge-l"].contains(metric.lowercased()) else { throw say(.unknownMetric, [metric]) }
            if let model { throw say(.modelNotWanted, [model]) }
            guard outputs != nil, !references.isEmpty else { throw say(.outputsNeeded, []) }
        } else {
            guard model != nil else { throw say(.modelNeeded, [text != nil ? "--text" : "--task"]) }
        }
        if !task.isEmpty, task.count != 2 || task[0].lowercased() != "mcq" { throw say(.taskForm, []) }
    }

    static func read(_ path: String, _ language: CourseLanguage) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError(ModelMessages.text(.cannotReadFile, language, path))
        }
        return text
    }

    func runTask(_ language: CourseLanguage) throws {
        let path = task[1]
        let questions = try BenchmarkFiles.multipleChoice(Self.read(path, language), path: path)
        let (languageModel, tokenizer) = try ModelCommands.load(model!, language, adapter: adapter)
        let scorer = ContinuationScorer(model: languageModel, tokenizer: tokenizer)
        let interactive = isatty(STDERR_FILENO) == 1 && !json
        let started = Date()
        let choices = questions.map(\.choices.count).reduce(0, +)
        var done = 0
        let result = try MultipleChoice.evaluate(questions) { context, continuation in
            if interactive, done % max(1, choices / 50) == 0 {
                FileHandle.standardError.write(Data(("\r" + ModelMessages.text(.scoringChoices, language, "\(done)", "\(choices)")).utf8))
            }
            done += 1
            return try scorer.logLikelihood(context: context, continuation: continuation)
        }
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        if json {
            return try Self.printJSON(["model": model!, "task": "mcq", "file": path, "questions": questions.count,
                                       "acc": result.acc, "acc_norm": result.accNorm, "seconds": seconds])
        }
        let m = { (key: ModelMessages.Key, args: [String]) in ModelMessages.text(key, language, arguments: args) }
        let right = { (rate: Double) in "\(Int((rate * Double(questions.count)).rounded()))/\(questions.count)" }
        Self.printTable([
            (ModelMessages.text(.labelModel, language), model!),
            (m(.labelTask, []), "mcq " + path),
            (m(.labelQuestions, []), m(.valueQuestions, ["\(questions.count)", "\(choices)"])),
            ("acc", m(.valueAccuracy, [String(format: "%.3f", result.acc), right(result.acc)])),
            ("acc_norm", m(.valueAccuracy, [String(format: "%.3f", result.accNorm), right(result.accNorm)])),
            (m(.labelTime, []), m(.valueSeconds, [String(format: "%.2f", seconds)])),
        ])
    }

    func runMetric(_ metric: String, _ language: CourseLanguage) throws {
        let outputsPath = outputs!
        let aligned = try BenchmarkFiles.aligned(outputs: Self.read(outputsPath, language), outputsPath: outputsPath,
                                                 references: references.map { (try Self.read($0, language), $0) })
        let m = { (key: ModelMessages.Key, args: [String]) in ModelMessages.text(key, language, arguments: args) }
        var rows: [(String, String)] = [(m(.labelOutputs, []), outputsPath + "  " + m(.valueOutputs, ["\(aligned.outputs.count)", "\(references.count)"]))]
        var record: [String: Any] = ["metric": metric.lowercased(), "outputs": outputsPath, "references": references, "lines": aligned.outputs.count]
        if metric.lowercased() == "bleu" {
            let bleu = BLEU.corpus(hypotheses: aligned.outputs, references: aligned.references)
            let s = bleu.statistics
            record.merge(["score": bleu.score, "precisions": bleu.precisions, "brevity_penalty": bleu.brevityPenalty,
                          "hypothesis_length": s.hypothesisLength, "reference_length": s.referenceLength]) { $1 }
            rows.append(("BLEU", m(.valueBLEU, [String(format: "%.2f", bleu.score), bleu.precisions.map { String(format: "%.1f", $0) }.joined(separator: "/"),
                                                String(format: "%.3f", bleu.brevityPenalty), "\(s.hypothesisLength)", "\(s.referenceLength)"])))
        } else {
            // rouge-score's multi-reference rule: the reference with the best F for each line.
            let scores = zip(aligned.outputs, aligned.references).map { output, refs in
                refs.map { RougeL.score(output: output, reference: $0) }.max { $0.f < $1.f }!
            }
            let mean = { (key: KeyPath<RougeL.Score, Double>) in scores.map { $0[keyPath: key] }.reduce(0, +) / Double(scores.count) }
            record.merge(["f": mean(\.f), "precision": mean(\.precision), "recall": mean(\.recall)]) { $1 }
            rows.append(("ROUGE-L", m(.valueRouge, [String(format: "%.4f", mean(\.f)), String(format: "%.4f", mean(\.precision)),
                                                    String(format: "%.4f", mean(\.recall))])))
        }
        if json { return try Self.printJSON(record) }
        Self.printTable(rows)
    }

    static func printJSON(_ record: [String: Any]) throws {
        let out = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: out, as: UTF8.self))
    }
}
