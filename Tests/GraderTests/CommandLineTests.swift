import Foundation
import Testing

/// The exercise commands as a learner or a script runs them (the built `llmcourse`).
@Suite("Exercise commands")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `llmcourse` in a throw-away probe course; nil when the binary is not built.
    func llmcourse(_ arguments: [String], in course: ProbeCourse, state: URL? = nil) throws -> Run? {
        try Self.runBinary(arguments + ["--course", course.root.path], environment: Self.environment(
            state: state ?? course.root.appendingPathComponent(".llmcourse"),
            ["LLMCOURSE_WORKSPACE": course.grader.workspace.folder.path, "LLMCOURSE_KIT_REBUILD": "never"]))
    }

    /// A plain environment with a state folder of its own, so a language chosen with
    /// `llmcourse config lang` elsewhere does not apply; `extra` adds variables.
    static func environment(state: URL, _ extra: [String: String] = [:]) -> [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
         "LLMCOURSE_STATE_DIR": state.path].merging(extra) { _, new in new }
    }

    /// Runs the built `llmcourse` with exactly `environment`; nil when the binary is not built.
    static func runBinary(_ arguments: [String], environment: [String: String]) throws -> Run? {
        guard FileManager.default.isExecutableFile(atPath: InterruptTests.binary.path) else { return nil }
        let process = Process()
        process.executableURL = InterruptTests.binary
        process.arguments = arguments
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile(), err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test func aMistypedCommandGetsTheNearestAndTheFirstLangIsRemembered() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        guard let typo = try llmcourse(["raed"], in: course) else { return }
        #expect(typo.status == 64)
        #expect(typo.errors.contains("there is no command 'raed'. Did you mean `llmcourse read`?"), "\(typo.errors)")
        #expect(!typo.errors.contains("USAGE") && !typo.errors.contains("Usage"), "no other command's usage")

        func isChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00..<0xA000).contains($0.value) } }
        // `--lang` before the subcommand is accepted, and the first one is remembered.
        let chinese = try #require(try llmcourse(["--lang", "zh-TW", "status"], in: course))
        #expect(chinese.status == 0, "\(chinese.errors)")
        #expect(isChinese(chinese.output))
        let later = try #require(try llmcourse(["status"], in: course))
        #expect(later.output == chinese.output, "the language chosen once stays")
        // An explicit --lang still wins for one command, without changing the choice.
        #expect(try !isChinese(#require(try llmcourse(["status", "--lang", "en"], in: course)).output))
        #expect(try isChinese(#require(try llmcourse(["status"], in: course)).output))
        // `config lang default` forgets it: the environment (no LANG here) means English.
        _ = try llmcourse(["config", "lang", "default"], in: course)
        #expect(try !isChinese(#require(try llmcourse(["status"], in: course)).output))
    }

    @Test func theTaskIsShownWithoutItsHintsWhereALearnerLooks() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        guard let shown = try llmcourse(["exercise", "probe"], in: course) else { return }
        #expect(shown.status == 0, "\(shown.errors)")
        #expect(shown.output.contains("Probe") && shown.output.contains("A test exercise: return 42."))
        #expect(!shown.output.contains("The answer is a number"), "hints stay hidden until asked for")
        #expect(FileManager.default.fileExists(atPath: course.workingCopy.path), "the working copy is made")
        #expect(shown.output.contains("llmcourse check probe"))
        // `read <exercise id>` shows the task too, rather than "no lesson named".
        let read = try #require(try llmcourse(["read", "probe"], in: course))
        #expect(read.status == 0 && read.output.contains("A test exercise: return 42."), "\(read.errors)")
        // The first `check` of a new working copy starts with the task.
        try FileManager.default.removeItem(at: course.workingCopy)
        let check = try #require(try llmcourse(["check", "probe"], in: course))
        let task = try #require(check.output.range(of: "A test exercise: return 42."))
        let created = try #require(check.output.range(of: "Created your working copy"))
        #expect(task.lowerBound < created.lowerBound)
        let again = try #require(try llmcourse(["check", "probe"], in: course))
        #expect(!again.output.contains("A test exercise: return 42."), "only when the copy is new")
    }

    @Test func aMistypedIdWithJSONPrintsJSON() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        guard let run = try llmcourse(["check", "prbe", "--json"], in: course) else { return }
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "error")
        #expect(object["error_kind"] as? String == "unknown_exercise")
        #expect(object["known"] as? [String] == ["probe"])
    }

    @Test func theVerdictIsPrintedWhenProgressCannotBeSaved() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        try course.write("func answer() -> Int { 42 }\n")
        // A state folder that cannot be made: a file stands where it should be.
        let blocked = course.root.appendingPathComponent("state-is-a-file")
        try Data("x".utf8).write(to: blocked)
        guard let run = try llmcourse(["check", "probe", "--json"], in: course, state: blocked.appendingPathComponent("inside")) else { return }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "pass")
        #expect(run.errors.contains("was not saved to your progress"))
        #expect(!run.errors.contains("NSError") && !run.errors.contains("Error Domain"))
    }

    @Test func theExerciseListSaysWhatIsWrongWithTheProgressFile() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        let state = course.root.appendingPathComponent(".llmcourse")
        try FileManager.default.createDirectory(at: state.appendingPathComponent("progress.json"), withIntermediateDirectories: true)
        guard let run = try llmcourse(["exercises"], in: course) else { return }
        #expect(run.errors.contains("progress.json"))
        #expect(run.errors.contains("it is a folder, not a file"))
        #expect(!run.errors.contains("Error Domain"))
        #expect(run.output.contains("probe"))
    }

    @Test func aPassOnAChosenSeedIsShownButNotRecorded() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        try course.write("func answer() -> Int { 42 }\n")
        guard let replay = try llmcourse(["check", "probe", "--seed", "4"], in: course) else { return }
        #expect(replay.status == 0)
        #expect(replay.output.contains("the pass is not recorded"))
        #expect(try course.grader.store?.load().isPassed("probe") == false)
        guard let fresh = try llmcourse(["check", "probe"], in: course) else { return }
        #expect(fresh.status == 0 && !fresh.output.contains("not recorded"))
        #expect(try course.grader.store?.load().isPassed("probe") == true)
    }
}
