import Foundation
import Testing
@testable import Course

/// Each fixture course under `Fixtures/courses/` is linted and compared, line for line, with
/// its `expected-lint.txt` (empty for the valid course).
@Suite struct LintFixtureTests {
    static let knownDemos: Set<String> = ["hello-demo", "train-demo"]

    @Test(arguments: ["valid", "broken-roadmap", "broken-content", "broken-metadata", "broken-translations"])
    func fixtureCourse(name: String) throws {
        let root = FixturePaths.course(name)
        let expectedFile = FixturePaths.fixtures.appendingPathComponent("courses/\(name).expected-lint.txt")
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let report = Linter(knownDemoIDs: Self.knownDemos).lint(root: root)
        let actual = report.problems.map(\.description)
        #expect(actual == expected, "lint output:\n\(actual.joined(separator: "\n"))")
    }

    @Test func validCourseSummary() {
        let report = Linter(knownDemoIDs: Self.knownDemos).lint(root: FixturePaths.course("valid"))
        #expect(report.summary == "course OK: 4 lessons, 10 files checked, no problems")
    }

    @Test func extraRulesRun() {
        let rule = ClosureLintRule(name: "always") { context in
            [LintProblem(path: "Exercises/x/exercise.md", line: 3, column: 2, message: "extra rule ran on \(context.course.lessons.count) lessons")]
        }
        let report = Linter(knownDemoIDs: Self.knownDemos, extraRules: [rule]).lint(root: FixturePaths.course("valid"))
        #expect(report.problems.map(\.description) == ["Exercises/x/exercise.md:3:2: extra rule ran on 4 lessons"])
    }

    @Test func missingRoadmapIsOneProblem() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = Linter().lint(root: dir)
        #expect(report.problems.count == 1)
        #expect(report.problems[0].description.hasPrefix("Lessons/roadmap.md:1:1: "))
    }
}

@Suite("Spelling rule")
struct SpellingRuleTests {
    @Test("British forms are found with their American twins; quoted text and code are not prose")
    func britishForms() {
        let words = SpellingRule.britishWords(in: "We dequantised it, the neighbours' behaviour was modelling \"Quantised\" centred")
        #expect(words == ["dequantised", "neighbours", "behaviour", "modelling", "centred"])
        #expect(words.map(SpellingRule.american) == ["dequantized", "neighbors", "behavior", "modeling", "centered"])
        #expect(SpellingRule.britishWords(in: "quantize, normalization, color, the noise, a premise, exercise").isEmpty)
    }

    @Test("this course's English lessons keep one spelling, American")
    func theCourseItself() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let problems = Linter(extraRules: [SpellingRule()]).lint(root: root).problems.filter { $0.message.hasPrefix("British spelling") }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }
}
