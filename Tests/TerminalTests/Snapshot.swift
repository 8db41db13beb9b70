import Foundation
import Testing

/// File snapshots for rendered terminal output.
///
/// Each snapshot lives in `Tests/TerminalTests/Snapshots/<name>.txt`, with the escape character
/// written as `␛` so color snapshots stay readable in a diff. A mismatch fails the test and
/// prints both texts. To re-record after an intended change, run the tests with
/// `LLMCOURSE_RECORD_SNAPSHOTS=1`; a missing snapshot is recorded and reported as a failure, so
/// a forgotten file can never pass silently.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func visible(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}", with: "␛")
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let rendered = visible(actual) + "\n"
        let recording = ProcessInfo.processInfo.environment["LLMCOURSE_RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? rendered.write(to: url, atomically: true, encoding: .utf8)
            if !recording {
                Issue.record("Snapshot \(name) did not exist; recorded it. Check the file and re-run.", sourceLocation: sourceLocation)
            }
            return
        }
        if expected != rendered {
            Issue.record("""
            Snapshot \(name) differs (re-record with LLMCOURSE_RECORD_SNAPSHOTS=1 if the change is intended).
            --- expected
            \(expected)
            --- actual
            \(rendered)
            """, sourceLocation: sourceLocation)
        }
    }
}

/// The sample lesson used by the snapshot tests (English, Chinese, code, a table, math, links).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}
