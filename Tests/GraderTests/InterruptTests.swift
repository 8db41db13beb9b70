import Foundation
@testable import Grader
import Testing

/// Ctrl-C (SIGINT) or SIGTERM during `llmcourse check` ends everything the check started:
/// the compiler (its own process group) is gone, and no half-written program is left.
@Suite("Interrupting a check", .serialized)
struct InterruptTests {
    static let binary = ProbeCourse.packageRoot.appendingPathComponent(".build/debug/llmcourse")

    @Test(arguments: [SIGINT, SIGTERM])
    func aCheckInterruptedWhileCompilingLeavesNothingBehind(signal: Int32) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else { return }
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        // Slow to type-check (several seconds), so the compiler is still running when interrupted.
        let terms = (0..<24).map { $0 % 3 == 0 ? "\($0).5" : "\($0)" }.joined(separator: " + ")
        try course.write("func answer() -> Int {\n    let x = \(terms) * [1].count - 2\n    _ = x\n    return 0\n}\n")
        let state = course.root.appendingPathComponent(".llmcourse")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["check", "probe", "--course", course.root.path]
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                               "LLMCOURSE_STATE_DIR": state.path, "LLMCOURSE_WORKSPACE": course.grader.workspace.folder.path,
                               "LLMCOURSE_KIT_REBUILD": "never"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let started = Date()
        while compilerProcesses(for: course).isEmpty && Date().timeIntervalSince(started) < 30 && process.isRunning { usleep(50_000) }
        try #require(!compilerProcesses(for: course).isEmpty, "the compiler never started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        usleep(300_000)
        #expect(compilerProcesses(for: course).isEmpty, "the compiler outlived the check")
        let learnerFolder = state.appendingPathComponent("build/probe/learner")
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: learnerFolder.path)) ?? []).filter { $0.hasPrefix("program-") }
        #expect(leftovers.isEmpty, "half-written programs left: \(leftovers)")
    }

    /// Processes whose command line names this course's working copy (the compiler's do).
    func compilerProcesses(for course: ProbeCourse) -> [String] {
        let path = course.workingCopy.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { entry in
            guard Int(entry) != nil else { return false }
            let command = (try? String(contentsOfFile: "/proc/\(entry)/cmdline", encoding: .utf8)) ?? ""
            return command.contains(path)
        }
    }
}
