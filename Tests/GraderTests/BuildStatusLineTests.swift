@testable import Grader
import Testing

/// The course library's first build shows its step count, not SwiftPM's output.
@Suite("Course library build status")
struct BuildStatusLineTests {
    @Test func stepsAreReadFromSwiftBuildLines() throws {
        let step = try #require(BuildStatusLine.step("[412/980] Compiling Tensors Matmul.swift"))
        #expect(step.done == 412 && step.total == 980 && step.what == "Compiling Tensors Matmul.swift")
        #expect(BuildStatusLine.step("warning: 'swift-distributed-tracing': found 1 file(s) which are unhandled") == nil)
        #expect(BuildStatusLine.step("Building for debugging...") == nil)
        #expect(BuildStatusLine.step("[x/y] nothing") == nil)
    }

    @Test func aTerminalSeesOneRedrawnLineAndNothingElse() {
        final class Screen: @unchecked Sendable { var text = "" }
        let screen = Screen()
        let line = BuildStatusLine(interactive: true, width: 30) { screen.text += $0 }
        line.show("warning: 'swift-distributed-tracing': found 1 file(s) which are unhandled\n[1/3] Compiling A\n[2/3] Comp")
        #expect(screen.text == "\r\u{1B}[2K  1/3 (33%) Compiling A")
        line.show("iling Tensors Matmul.swift\n")
        #expect(screen.text.hasSuffix("\r\u{1B}[2K  2/3 (66%) Compiling Tensor…"), "fitted to the width")
        #expect(!screen.text.contains("warning"))
        line.clear()
        #expect(screen.text.hasSuffix("\r\u{1B}[2K"), "cleared before the verdict")

        // Not a terminal: nothing is drawn.
        let quiet = Screen()
        let piped = BuildStatusLine(interactive: false, width: 80) { quiet.text += $0 }
        piped.show("[1/3] Compiling A\n")
        piped.clear()
        #expect(quiet.text.isEmpty)
    }
}
