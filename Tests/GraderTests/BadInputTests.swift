import Foundation
import Grader
import Progress
import Testing

/// Each kind of bad learner code ends in a clear verdict within the time limit; afterwards
/// the progress file is intact and the harness grades the reference solution as a pass.
/// Serialized: the runs share the sandbox user's process allowance and the two cores.
@Suite("Bad learner code", .serialized)
struct BadInputTests {
    /// Grades `setUp`'s working copy of the probe exercise and checks what every bad input
    /// must satisfy, then hands the verdict to `expect`.
    func grade(_ setUp: (ProbeCourse) throws -> Void, sandbox: Sandbox = .detect(),
               expect: (Verdict, ProbeCourse) throws -> Void) throws {
        let course = try ProbeCourse(sandbox: sandbox)
        defer { course.cleanUp() }
        let store = try #require(course.grader.store)
        try store.update { $0.markExercisePassed("earlier-exercise", score: 3, maxScore: 3) }
        try setUp(course)

        let verdict = try course.grader.check("probe", seed: 7)
        try expect(verdict, course)

        #expect(verdict.status != .pass)
        #expect(verdict.seed == 7)
        #expect(verdict.json().contains("\"schema\" : \"llmcourse.verdict/1\""))

        let progress = try store.load()
        #expect(progress.isPassed("earlier-exercise"))
        #expect(progress.exercises["probe"]?.attempts == 1)
        #expect(progress.isPassed("probe") == false)

        let after = course.grader.grade(course.exercise, sources: [course.exercise.solutionFile], seed: 1, buildKey: "probe.solution")
        #expect(after.status == .pass, "the harness no longer grades the solution: \(after.message ?? "")")
        #expect(after.score == 3 && after.maxScore == 3)
        #expect(leftoverProcesses(of: course) == 0)
    }

    /// Processes still running a program from this course's build folder.
    func leftoverProcesses(of course: ProbeCourse) -> Int {
        let build = course.grader.buildFolder.path
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int($0) != nil } ?? []
        return pids.filter { pid in
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            return exe.hasPrefix(build)
        }.count
    }

    @Test func infiniteLoopTimesOut() throws {
        try grade({ try $0.writeBad("InfiniteLoop") }) { verdict, _ in
            #expect(verdict.errorKind == .timeout)
            #expect(verdict.tests.first?.status == .timeout)
            #expect(verdict.tests.first?.message?.contains("timed out after 2 s") == true)
            // The program is run again from the next check, which still earns its point.
            #expect(verdict.tests.last?.status == .pass)
            #expect(verdict.status == .fail && verdict.score == 1)
        }
    }

    @Test func allocatingFarBeyondTheLimitIsOutOfMemory() throws {
        try grade({ try $0.writeBad("HugeAllocation") }) { verdict, _ in
            #expect(verdict.errorKind == .memory)
            #expect(verdict.message?.contains("ran out of memory (limit 256 MiB)") == true)
        }
    }

    @Test func fatalErrorShowsTheMessageAndTheLearnersFile() throws {
        try grade({ try $0.writeBad("FatalError") }) { verdict, _ in
            #expect(verdict.errorKind == .crash)
            #expect(verdict.message?.contains("Fatal error: the learner gave up") == true)
            #expect(verdict.message?.contains("workspace/probe/Probe.swift:2") == true)
            #expect(verdict.tests.first?.output?.contains("Current stack trace") == false)
        }
    }

    @Test func indexOutOfRangeIsACrashWithTheTrapMessage() throws {
        try grade({ try $0.writeBad("IndexOutOfRange") }) { verdict, _ in
            #expect(verdict.errorKind == .crash)
            #expect(verdict.tests.first?.message == "crashed: Fatal error: Index out of range")
            #expect(verdict.tests.first?.status == .error)
            #expect(verdict.tests.last?.status == .pass)
        }
    }

    @Test func deepRecursionIsAStackOverflowCrash() throws {
        try grade({ try $0.writeBad("DeepRecursion") }) { verdict, _ in
            #expect(verdict.errorKind == .crash)
            #expect(verdict.message?.contains("recursion") == true)
        }
    }

    @Test func megabytesOfOutputAreStoppedAtTheCap() throws {
        try grade({ try $0.writeBad("EndlessOutput") }) { verdict, _ in
            #expect(verdict.errorKind == .outputLimit)
            let shown = try #require(verdict.tests.first?.output)
            #expect(shown.count == 500)
            #expect(verdict.tests.first?.outputTruncated == true)
        }
    }

    @Test func aForkLoopIsContainedAndKilled() throws {
        try grade({ try $0.writeBad("ForkLoop") }) { verdict, _ in
            #expect(verdict.errorKind == .timeout)
        }
    }

    @Test func filesOutsideTheExerciseAreNotVisible() throws {
        try grade({ course in
            let other = course.grader.workspace.folder.appendingPathComponent("other-exercise")
            try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
            try "let secret = \"TOPSECRET\"".write(to: other.appendingPathComponent("Secret.swift"), atomically: true, encoding: .utf8)
            let paths = [other.appendingPathComponent("Secret.swift").path,
                         course.root.appendingPathComponent("Sources/Probe.swift").path,
                         course.exercise.solutionFile.path,
                         ProbeCourse.packageRoot.appendingPathComponent("Package.swift").path]
            try course.writeBad("ReadsOtherFiles", ["PATHS": paths.map { "\"\($0)\"" }.joined(separator: ", ")])
        }) { verdict, _ in
            let output = try #require(verdict.tests.first?.output)
            #expect(verdict.status == .fail)
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/bwrap") {
                #expect(verdict.isolation == Sandbox.Mode.bubblewrap.rawValue, "bubblewrap is installed but not used")
            }
            if verdict.isolation == Sandbox.Mode.bubblewrap.rawValue {
                #expect(!output.contains("READ"), "the sandbox let the learner read: \(output)")
                #expect(output.components(separatedBy: "BLOCKED").count == 5)
            }
        }
    }

    @Test func networkConnectionsFail() throws {
        let listener = try LocalListener()
        defer { listener.close() }
        try grade({ try $0.writeBad("OpensNetwork", ["PORT": String(listener.port)]) }) { verdict, _ in
            let output = try #require(verdict.tests.first?.output)
            if verdict.isolation != Sandbox.Mode.limitsOnly.rawValue {
                #expect(output.contains("CONNECT-FAILED"), "the learner's code reached the network: \(output)")
            }
        }
    }

    @Test func aFileThatDoesNotCompileGivesTheCompilerMessageAtTheLearnersLine() throws {
        try grade({ try $0.writeBad("DoesNotCompile") }) { verdict, _ in
            #expect(verdict.status == .error)
            #expect(verdict.errorKind == .compile)
            let first = try #require(verdict.diagnostics?.first { $0.severity == "error" })
            #expect(first.file == "workspace/probe/Probe.swift")
            #expect(first.line == 2)
            #expect(first.message.contains("cannot convert value of type 'String'"))
        }
    }

    @Test func aWrongSignatureNamesTheExpectedOne() throws {
        try grade({ try $0.writeBad("WrongSignature") }) { verdict, _ in
            #expect(verdict.errorKind == .compile)
            #expect(verdict.message?.contains("keep the names and signatures") == true)
            #expect(verdict.message?.contains("func answer() -> Int") == true)
        }
    }

    @Test func aDeletedWorkingCopyComesBackFromTheStarter() throws {
        try grade({ course in
            try? FileManager.default.removeItem(at: course.workingCopy)
        }) { verdict, course in
            #expect(FileManager.default.fileExists(atPath: course.workingCopy.path))
            #expect(verdict.status == .fail)
            #expect(verdict.score == 1)
        }
    }

    @Test func aDeletedStarterAndWorkingCopyIsAnErrorVerdict() throws {
        try grade({ course in
            try FileManager.default.removeItem(at: course.exercise.folder.appendingPathComponent("Probe.swift"))
            try? FileManager.default.removeItem(at: course.workingCopy)
        }) { verdict, _ in
            #expect(verdict.status == .error)
            #expect(verdict.message?.contains("git restore Exercises/probe") == true)
        }
    }

    @Test func printedImitationsOfResultsDoNotCount() throws {
        try grade({ try $0.writeBad("ForgesResults") }) { verdict, _ in
            #expect(verdict.status == .fail)
            #expect(verdict.tests.first?.status == .fail)
            #expect(verdict.tests.first?.output?.contains("\"status\":\"pass\"") == true)
        }
    }

    @Test func aLearnerTypeNamedLikeTheRunnerChangesNothing() throws {
        // The runner is in the checks program, which holds none of the learner's code.
        try grade({ try $0.writeBad("ShadowsTheRunner") }) { verdict, _ in
            #expect(verdict.status == .fail)
            #expect(verdict.tests.map(\.status) == [.fail, .pass])
        }
    }

    @Test func theUnshareFallbackAlsoStopsAnInfiniteLoop() throws {
        var sandbox = Sandbox.detect(environment: ["LLMCOURSE_SANDBOX": "unshare"])
        if sandbox.mode != .unshare { sandbox = .detect(environment: ["LLMCOURSE_SANDBOX": "limits-only"]) }
        try grade({ try $0.writeBad("InfiniteLoop") }, sandbox: sandbox) { verdict, _ in
            #expect(verdict.errorKind == .timeout)
            #expect(verdict.isolation != Sandbox.Mode.bubblewrap.rawValue)
        }
    }
}
