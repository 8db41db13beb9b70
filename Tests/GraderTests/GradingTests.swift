import Console
import Foundation
import Grader
import Progress
import Testing

/// Grading the course's own exercises and the probe: passes, partial credit, rendering.
@Suite("Grading", .serialized)
struct GradingTests {
    @Test func aPassIsRecordedAndTheStarterScoresNothing() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        let starter = try course.grader.check("probe", seed: 11)
        #expect(starter.status == .fail)
        #expect(starter.score == 1 && starter.maxScore == 3)   // the second check passes anyway
        #expect(starter.tests.map(\.status) == [.fail, .pass])
        #expect(starter.tests.first?.message == "answer(): got 0, expected 42")
        #expect(starter.tests.allSatisfy { $0.seed == 11 })

        try course.write("func answer() -> Int { 42 }\n")
        // A replay on the seed shown is graded, but only a fresh seed records the pass.
        let replay = try course.grader.attempt("probe", seed: 11)
        #expect(replay.verdict.status == .pass && replay.verdict.score == 3 && replay.verdict.errorKind == nil)
        #expect(replay.replay && !replay.passRecorded)
        #expect(try #require(try course.grader.store?.load()).isPassed("probe") == false)
        let fresh = try course.grader.attempt("probe")
        #expect(fresh.passRecorded && fresh.verdict.seed != 0)
        let progress = try #require(try course.grader.store?.load())
        #expect(progress.isPassed("probe"))
        #expect(progress.exercises["probe"]?.attempts == 3)
        #expect(progress.exercises["probe"]?.bestScore == 3)
    }

    @Test func theVerdictSurvivesAProgressFolderThatCannotBeWritten() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        try course.write("func answer() -> Int { 42 }\n")
        let progressFile = course.root.appendingPathComponent(".llmcourse/progress.json")
        // A folder where the progress file should be: nothing can be saved or read there.
        try FileManager.default.createDirectory(at: progressFile, withIntermediateDirectories: true)
        let attempt = try course.grader.attempt("probe")
        #expect(attempt.verdict.status == .pass && attempt.verdict.score == 3)
        #expect(!attempt.passRecorded)
        let problem = try #require(attempt.progressError as? ProgressError)
        #expect("\(problem)".contains("progress.json"))
        #expect("\(problem)".contains("folder"))
    }

    @Test func theSummaryExpandsTheFirstFailureOnly() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        try course.write("func answer() -> Int {\n    print(\"thinking…\")\n    return 41\n}\n")
        let verdict = try course.grader.check("probe", seed: 5)
        let text = VerdictRenderer(style: Palette(color: false, width: 100)).render(verdict, title: "Probe")
        #expect(!text.contains("\u{1B}["))
        #expect(text.contains("✗ probe — Probe: 1/3 points (seed 5,"))
        #expect(text.contains("  ✗ answer is 42 (0/2)\n      answer(): got 41, expected 42\n      your code printed:\n        thinking…"))
        #expect(text.contains("  ✓ runs after the first check (1/1)"))
        #expect(text.contains("llmcourse check probe --seed 5"))
        let colored = VerdictRenderer(style: Palette(color: true)).render(verdict)
        #expect(colored.contains("\u{1B}[31m"))
    }

    @Test func theJSONVerdictHasTheDocumentedFields() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        let verdict = try course.grader.check("probe", seed: 9)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(verdict.json().utf8)) as? [String: Any])
        for key in ["schema", "exercise", "status", "error_kind", "score", "max_score", "seed", "duration_ms", "isolation", "limits", "tests"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.first?["name"] as? String == "answer is 42")
        #expect(tests.first?["max_score"] as? Int == 2)
        #expect(object["error_kind"] is NSNull)
    }
}

@Suite("Course exercises")
struct CourseExerciseTests {
    @Test func aNumericMistakeIsLocatedInTheVerdict() throws {
        let root = ProbeCourse.packageRoot
        let kit = try #require(CourseKit.find(courseRoot: root))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("grader-course-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalog = try ExerciseCatalog.load(root: root)
        let grader = Grader(catalog: catalog, workspace: Workspace(folder: scratch.appendingPathComponent("workspace")), kit: kit,
                            sandbox: .detect(), store: nil, buildFolder: scratch.appendingPathComponent("build"))
        let exercise = try catalog.exercise("matmul-loops")
        let file = scratch.appendingPathComponent("Matmul.swift")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // Right everywhere except the last column, which is off by 0.5.
        try """
        func matmul(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
            let n = b[0].count
            return a.map { row in
                (0..<n).map { j in zip(row, b).reduce(Float(0)) { $0 + $1.0 * $1.1[j] } + (j == n - 1 ? 0.5 : 0) }
            }
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let verdict = grader.grade(exercise, sources: [file], seed: 3)
        #expect(verdict.status == .fail)
        let hand = try #require(verdict.tests.first)
        #expect(hand.status == .fail)
        #expect(hand.numeric?.worstIndex == [0, 1])
        #expect(hand.numeric?.actualAtWorst == 22.5 && hand.numeric?.expectedAtWorst == 22)
        #expect(hand.numeric?.mismatched == 2)
        #expect(hand.message?.contains("2 of 4 values outside tolerance") == true)
        #expect(verdict.tests.first { $0.name == "the result has shape [M, N]" }?.status == .pass)
    }
}
