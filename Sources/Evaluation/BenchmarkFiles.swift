import Foundation

/// Reading the files `llmcourse evaluate --task` and `--metric` take, with errors that name the
/// file, the line and the fix.
public enum BenchmarkFiles {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Multiple-choice questions, one JSON object per line:
    /// `{"question": "2 + 3 =", "choices": [" 5", " 6"], "answer": 0}`. Blank lines are skipped.
    public static func multipleChoice(_ text: String, path: String) throws(Problem) -> [MultipleChoice.Question] {
        var questions: [MultipleChoice.Question] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let at = "\(path):\(index + 1)"
            let question: MultipleChoice.Question
            do {
                question = try JSONDecoder().decode(MultipleChoice.Question.self, from: Data(trimmed.utf8))
            } catch {
                throw Problem("\(at): not a question: expected {\"question\": …, \"choices\": [ … ], \"answer\": <index>} on one line (\(reason(error)))")
            }
            guard question.choices.count >= 2 else { throw Problem("\(at): a question needs at least two choices, it has \(question.choices.count)") }
            guard question.choices.indices.contains(question.answer) else {
                throw Problem("\(at): answer \(question.answer) is not a choice; use an index from 0 to \(question.choices.count - 1)")
            }
            guard !question.choices.contains(where: \.isEmpty) else { throw Problem("\(at): a choice is empty; every choice needs text to score") }
            questions.append(question)
        }
        guard !questions.isEmpty else { throw Problem("\(path) holds no questions; write one JSON object per line") }
        return questions
    }

    /// Line-aligned outputs and references (as sacrebleu reads them): line i of every
    /// reference file is a reference for line i of the outputs.
    public static func aligned(outputs: String, outputsPath: String,
                               references: [(text: String, path: String)]) throws(Problem) -> (outputs: [String], references: [[String]]) {
        let lines = { (text: String) in text.hasSuffix("\n") ? String(text.dropLast()) : text }
        let out = lines(outputs).components(separatedBy: "\n")
        guard !(out.count == 1 && out[0].isEmpty) else { throw Problem("\(outputsPath) is empty; write one output per line") }
        guard !references.isEmpty else { throw Problem("no references; give at least one file with --references") }
        var perLine = out.map { _ in [String]() }
        for reference in references {
            let refs = lines(reference.text).components(separatedBy: "\n")
            guard refs.count == out.count else {
                throw Problem("\(reference.path) has \(refs.count) \(refs.count == 1 ? "line" : "lines") but \(outputsPath) has \(out.count); line i of each reference file must answer line i of the outputs")
            }
            for i in refs.indices { perLine[i].append(refs[i]) }
        }
        return (out, perLine)
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "\(error)"
        }
    }
}
