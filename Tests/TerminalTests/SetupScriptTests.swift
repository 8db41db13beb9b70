import Foundation
import Testing

/// `Scripts/setup` puts `llmcourse` on the PATH (Scripts/lib/link-command.sh), so the README's
/// bare `llmcourse …` commands work in a new shell.
@Suite("Setup puts the command on the PATH")
struct SetupScriptTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `link_command` with a private HOME and PATH; returns what it printed.
    func link(home: URL, path: String, program: String = "/bin/true") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "set -euo pipefail; . Scripts/lib/link-command.sh; link_command \"$0\" llmcourse", program]
        process.currentDirectoryURL = Self.packageRoot
        process.environment = ["HOME": home.path, "PATH": path, "LLMCOURSE_BIN_DIR": home.appendingPathComponent("bin").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        return output
    }

    @Test func theCommandIsLinkedAndANewShellFindsIt() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("setup-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let bin = home.appendingPathComponent("bin").path

        let first = try link(home: home, path: "/usr/bin:/bin")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: bin + "/llmcourse") == "/bin/true")
        #expect(first.contains("linked as \(bin)/llmcourse"))
        #expect(first.contains("export PATH=\"\(bin):$PATH\""), "says how to use it in this shell")
        let bashrc = try String(contentsOfFile: home.path + "/.bashrc", encoding: .utf8)
        #expect(bashrc.contains("export PATH=\"\(bin):$PATH\""))

        // Run again: the start-up files get the line once.
        _ = try link(home: home, path: "/usr/bin:/bin")
        let again = try String(contentsOfFile: home.path + "/.bashrc", encoding: .utf8)
        #expect(again.components(separatedBy: "Scripts/setup").count == 2)

        // A new interactive shell started from that file finds the command.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["--rcfile", home.path + "/.bashrc", "-i", "-c", "command -v llmcourse"]
        shell.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        shell.standardOutput = out
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        let found = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(found.trimmingCharacters(in: .whitespacesAndNewlines) == bin + "/llmcourse")

        // Already on the PATH: nothing is added.
        let other = home.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let onPath = try link(home: other, path: other.appendingPathComponent("bin").path + ":/usr/bin:/bin")
        #expect(!onPath.contains("export PATH"))
        #expect(!FileManager.default.fileExists(atPath: other.path + "/.bashrc"))
    }
}
