import Foundation
import Testing
@testable import Evaluation

@Suite("Benchmark files")
struct BenchmarkFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Benchmarks")

    @Test("the repository's benchmarks parse, four choices each, the English and Chinese course questions paired")
    func repositoryBenchmarks() throws {
        func load(_ name: String) throws -> [MultipleChoice.Question] {
            try BenchmarkFiles.multipleChoice(String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8), path: name)
        }
        let arithmetic = try load("arithmetic-mcq.jsonl")
        #expect(arithmetic.count == 60 && arithmetic.allSatisfy { $0.choices.count == 4 })
        for q in arithmetic {   // the marked answer is the sum
            let operands = q.question.dropLast(2).split(separator: "+").map { Int($0.trimmingCharacters(in: .whitespaces))! }
            #expect(Int(q.choices[q.answer].dropFirst()) == operands.reduce(0, +), "\(q.question)")
        }
        let english = try load("course-mcq.en.jsonl"), chinese = try load("course-mcq.zh-TW.jsonl")
        #expect(english.count == 16 && english.count == chinese.count)
        #expect(zip(english, chinese).allSatisfy { $0.answer == $1.answer && $0.choices.count == $1.choices.count })
    }

    @Test("a malformed question file is refused with its line and the fix")
    func malformedQuestions() {
        func problem(_ text: String) -> String {
            do { _ = try BenchmarkFiles.multipleChoice(text, path: "q.jsonl"); return "" } catch { return error.description }
        }
        #expect(problem("") == "q.jsonl holds no questions; write one JSON object per line")
        #expect(problem("{\"question\": \"a\", \"choices\": [\"b\"], \"answer\": 0}").hasPrefix("q.jsonl:1: a question needs at least two choices"))
        #expect(problem("\n{\"question\": \"a\", \"choices\": [\"b\", \"\"], \"answer\": 0}").hasPrefix("q.jsonl:2: a choice is empty"))
        #expect(problem("{\"question\": \"a\", \"answer\": 0}").contains("q.jsonl:1: not a question") )
        #expect(problem("{\"question\": \"a\", \"answer\": 0}").contains("missing \"choices\""))
        #expect(problem("[1, 2]").contains("wrong type"))
    }

    @Test("outputs and references must line up; a trailing newline is not a line")
    func alignedLines() throws {
        let ok = try BenchmarkFiles.aligned(outputs: "a\nb\n", outputsPath: "o", references: [("x\ny\n", "r1"), ("p\nq", "r2")])
        #expect(ok.outputs == ["a", "b"] && ok.references == [["x", "p"], ["y", "q"]])
        #expect(throws: BenchmarkFiles.Problem.self) { try BenchmarkFiles.aligned(outputs: "a\nb\n", outputsPath: "o", references: [("x\n", "r")]) }
        #expect(throws: BenchmarkFiles.Problem.self) { try BenchmarkFiles.aligned(outputs: "", outputsPath: "o", references: [("x", "r")]) }
    }
}
