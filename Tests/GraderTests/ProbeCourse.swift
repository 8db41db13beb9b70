import Foundation
import Grader
import Progress
import Testing

/// A throw-away course folder holding the `probe` exercise (Fixtures/probe), with a grader
/// that uses the prebuilt course library of this package's build folder.
struct ProbeCourse {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let root: URL
    let grader: Grader
    let exercise: Exercise

    init(sandbox: Sandbox = .detect()) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("grader-tests-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Lessons/testing"), withIntermediateDirectories: true)
        try "# Test course\n".write(to: root.appendingPathComponent("Lessons/roadmap.md"), atomically: true, encoding: .utf8)
        try fm.createDirectory(at: root.appendingPathComponent("Exercises"), withIntermediateDirectories: true)
        try fm.copyItem(at: Self.fixtures.appendingPathComponent("probe"), to: root.appendingPathComponent("Exercises/probe"))
        try fm.createDirectory(at: root.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try "// ANCHOR: answer\nfunc answer() -> Int { 42 }\n// ANCHOR_END: answer\n"
            .write(to: root.appendingPathComponent("Sources/Probe.swift"), atomically: true, encoding: .utf8)
        // Readable by the unprivileged user the sandbox may switch to.
        chmod(root.path, 0o755)

        guard let kit = CourseKit.find(courseRoot: Self.packageRoot) else {
            throw SetupError("no prebuilt course library: run `swift build --product LLMCourseKit` (Scripts/test does) before the grader tests")
        }
        let catalog = try ExerciseCatalog.load(root: root)
        let state = root.appendingPathComponent(".llmcourse")
        grader = Grader(catalog: catalog, workspace: Workspace(folder: root.appendingPathComponent("workspace")), kit: kit,
                        sandbox: sandbox, store: try ProgressStore(directory: state),
                        buildFolder: state.appendingPathComponent("build"))
        exercise = try catalog.exercise("probe")
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
    }

    var workingCopy: URL { grader.workspace.files(for: exercise)[0] }

    /// Writes `source` as the learner's working copy.
    func write(_ source: String) throws {
        try FileManager.default.createDirectory(at: workingCopy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try source.write(to: workingCopy, atomically: true, encoding: .utf8)
    }

    /// Writes the named file of Fixtures/bad as the working copy, with `replacements` applied.
    func writeBad(_ name: String, _ replacements: [String: String] = [:]) throws {
        var text = try String(contentsOf: Self.fixtures.appendingPathComponent("bad/\(name).swift"), encoding: .utf8)
        for (key, value) in replacements { text = text.replacingOccurrences(of: key, with: value) }
        try write(text)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: root)
    }
}
