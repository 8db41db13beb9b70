import Foundation
@testable import Grader
import LLMCourseKit
import Testing

/// Small holes that let a wrong answer pass or a verdict go missing.
@Suite("Grading integrity")
struct GradingIntegrityTests {
    @Test func nanWhereTheFunctionShouldBeFiniteFailsAGradientCheck() throws {
        var context = CheckContext(seed: 1, checkName: "nan")
        // A broken forward pass gives NaN everywhere: its "gradient" is NaN, and so are the
        // finite differences; NaN must not count as agreeing with NaN.
        let broken: ([Double]) -> Double = { _ in .nan }
        #expect(throws: CheckFailure.self) {
            try context.expectGradient(of: broken, at: [0.5, -1], equals: [.nan, .nan])
        }
        do {
            try context.expectGradient(of: broken, at: [0.5, -1], equals: [.nan, .nan], "gradient of f")
        } catch let failure as CheckFailure {
            #expect(failure.message.contains("not finite"))
        }
        var floats = CheckContext(seed: 1, checkName: "nan-float")
        #expect(throws: CheckFailure.self) {
            try floats.expectGradient(of: { _ in Float.infinity }, at: [1, 2], equals: [.infinity, .infinity])
        }
    }

    @Test func aNonFiniteAnswerWhereTheReferenceIsFiniteSaysSo() throws {
        var context = CheckContext(seed: 1, checkName: "inf")
        do {
            try context.expectClose([1, Double.nan, 3] as [Double], [1, 2, 3] as [Double], "softmax(x)")
            Issue.record("a NaN answer passed")
        } catch let failure as CheckFailure {
            #expect(failure.message.contains("got nan"))
            #expect(failure.message.contains("where a finite value was expected"))
        }
    }

    @Test func theCaretIsDrawnUnderTheColumnEvenWithWideCharactersAndTabs() {
        let output = """
        Probe.swift:2:35: error: cannot convert value of type 'String' to specified type 'Int'
        \tlet 名字 = "值"; let x: Int = "s"
        """
        let diagnostic = CompilerDiagnostic.parse(output, generatedMain: "main.swift")[0]
        let lines = diagnostic.excerpt.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // Byte column 35 is the opening quote of "s": after the tab, `let ` (4 columns), 名字 (4),
        // ` = ` (3), "值" (4), `; ` (2) and `let x: Int = ` (13).
        #expect(lines[1] == "\t" + String(repeating: " ", count: 4 + 4 + 3 + 4 + 2 + 13) + "^")
    }

    @Test func aWorkingCopyThatIsAFolderOrADanglingLinkIsNamed() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        try? FileManager.default.removeItem(at: course.workingCopy)
        try FileManager.default.createDirectory(at: course.workingCopy, withIntermediateDirectories: true)
        let folder = try course.grader.check("probe", seed: 1)
        #expect(folder.status == .error)
        #expect(folder.message == "workspace/probe/Probe.swift is a folder, not a Swift file: move it somewhere else, then run `llmcourse reset probe` to get the starter back.")

        try FileManager.default.removeItem(at: course.workingCopy)
        try FileManager.default.createSymbolicLink(atPath: course.workingCopy.path, withDestinationPath: "/nonexistent/Probe.swift")
        let link = try course.grader.check("probe", seed: 1)
        #expect(link.status == .error)
        #expect(link.message?.hasPrefix("workspace/probe/Probe.swift is a symbolic link to /nonexistent/Probe.swift, which does not exist") == true)
    }
}
