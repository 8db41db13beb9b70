import Foundation
@testable import Grader
import Testing

/// Limits that hold for a whole submission: memory and processes across every process of the
/// sandbox, the compiler's time and output, and nothing left running after an interruption.
extension BadInputTests {
    @Test func forkedChildrenShareOneMemoryLimit() throws {
        let cgroups = RunCgroup.make(memoryBytes: 64 << 20, maxProcesses: 4)
        cgroups?.remove()
        try grade({ try $0.writeBad("ForkedChildrenShareTheLimit") }) { verdict, _ in
            #expect(verdict.tests.first?.status != .pass)
            let output = verdict.tests.first?.output ?? ""
            if cgroups != nil {
                // With the sandbox's control group, at most one child holds its 200 MB at a time.
                let survived = output.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
                #expect((survived ?? 0) <= 1, "children kept more than the sandbox's memory: \(output)")
            }
        }
    }

    @Test func aFloodOfCompilerErrorsIsCutToTheFirstFew() throws {
        let errors = (0..<3000).map { "let value\($0): Int = \"not a number\"" }.joined(separator: "\n")
        try grade({ try $0.write("func answer() -> Int { 0 }\n" + errors + "\n") }) { verdict, _ in
            #expect(verdict.errorKind == .compile)
            #expect((verdict.diagnostics?.count ?? 0) <= CompileLimits().diagnostics)
            #expect(verdict.note?.key == "compile_output_cut")
            #expect(verdict.message?.contains("fix the first error first") == true)
            #expect(verdict.diagnostics?.first?.line == 2)
        }
    }

    @Test func aCompileOverItsTimeLimitIsStoppedWithAVerdict() throws {
        // A long chain of mixed literals makes the type checker try combinations for a long time.
        let bomb = "let slow = " + (0..<40).map { $0 % 2 == 0 ? "\($0)" : "\($0).5" }.joined(separator: " + 2 * ") + "\n"
        try grade({ course in
            course.grader.compileLimits.timeoutSeconds = 1
            try course.write("func answer() -> Int { 42 }\n" + bomb)
        }) { verdict, course in
            #expect(verdict.errorKind == .compile)
            #expect(verdict.note?.key == "compile_timed_out")
            #expect(verdict.message?.contains("took longer than 1 s to compile") == true, "\(verdict.message ?? "")")
            // The solution below compiles under the usual limit, though the stopped compile may
            // have left a module-cache lock behind.
            course.grader.compileLimits = CompileLimits()
        }
    }

    @Test func theCompilerRunsInsideTheSandbox() throws {
        let sandbox = Sandbox.detect()
        guard sandbox.mode == .bubblewrap else { return }
        let command = sandbox.wrapCompiler(["/usr/bin/true"], readOnly: ["/tmp/kit"], writable: ["/tmp/out"], limits: CompileLimits())
        #expect(command.first?.hasSuffix("bwrap") == true)
        #expect(command.contains("--unshare-net"))
        #expect(command.contains("--die-with-parent"))
        // Read-only everywhere but the program's own folder.
        #expect(zip(command, command.dropFirst()).contains { $0 == "--bind" && $1 == "/tmp/out" })
        #expect(zip(command, command.dropFirst()).contains { $0 == "--ro-bind" && $1 == "/tmp/kit" })
        #expect(command.contains { $0.hasPrefix("--as=") })
    }

    @Test func aRunGetsAUserIDOfItsOwn() throws {
        let sandbox = Sandbox.detect()
        guard getuid() == 0, let line = sandbox.wrap(program: "/exercise/program", binds: [], limits: .probe).first(where: { $0.hasPrefix("--reuid=") }) else { return }
        let uid = try #require(UInt32(line.dropFirst("--reuid=".count)))
        #expect(Sandbox.runUserIDs.contains(uid))
    }
}

@Suite("Tools the grader runs")
struct ToolLimitTests {
    @Test func aToolPastItsTimeLimitIsKilledWithItsWholeGroup() throws {
        // A duration no other process has: the marker to look for afterwards.
        let marker = "30.\(UInt32.random(in: 100_000...999_999))"
        let result = ProcessRunner.run(["/bin/sh", "-c", "sleep \(marker) & sleep \(marker)"], timeoutSeconds: 0.5)
        #expect(result.timedOut)
        usleep(100_000)
        let running = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { entry in
            guard Int(entry) != nil else { return false }
            return ((try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)) ?? "").contains(marker)
        } ?? []
        #expect(running.isEmpty)
    }

    @Test func aToolPastItsOutputCapIsStopped() throws {
        let result = ProcessRunner.run(["/bin/sh", "-c", "yes compiler-error"], outputCap: 4096)
        #expect(result.outputCapped)
        #expect(result.output.utf8.count == 4096)
    }
}
