import Foundation
import Grader

/// Grades one uploaded file. The server uses `HarnessGrading` (the course's own harness);
/// tests and load drills inject cheaper ones.
public protocol SubmissionGrading: Sendable {
    /// Whether `exercise` exists, and the file name its working copy has (e.g. `Matmul.swift`).
    func fileName(for exercise: String) -> String?
    /// Every exercise id, in course order (the gradebook's columns).
    var exerciseIDs: [String] { get }
    /// Grades `job`; never throws: a failure of any kind is a verdict.
    func grade(_ job: GradingJob) async -> GradingResult
    /// `verdictJSON` of submission `id` with the server's folders replaced, for showing a
    /// verdict stored before they were replaced at grading time.
    func redactPaths(_ verdictJSON: String, submission id: Int) -> String
}

extension SubmissionGrading {
    public func redactPaths(_ verdictJSON: String, submission id: Int) -> String { verdictJSON }
}

/// Grading with the exercise harness: the uploaded text is written to a private folder under
/// the starter's file name, then compiled and run exactly as `llmcourse check` does
/// (own compile, sandbox, time and memory limits, no network). The verdict is stored with the
/// server's folders replaced (``PathRedaction``): members see file names, not server paths.
public final class HarnessGrading: SubmissionGrading, @unchecked Sendable {
    // `Grader` holds only immutable configuration; each job compiles under its own build key.
    private let grader: Grader
    private let uploads: URL

    public init(grader: Grader, uploads: URL) {
        self.grader = grader
        self.uploads = uploads
    }

    public func fileName(for exercise: String) -> String? {
        guard let found = try? grader.catalog.exercise(exercise) else { return nil }
        return found.starterFiles.first
    }

    public var exerciseIDs: [String] { grader.catalog.exercises.map(\.id) }

    public func grade(_ job: GradingJob) async -> GradingResult {
        await withCheckedContinuation { continuation in
            // Compiling and running block a thread for seconds: keep them off the server's event loops.
            Thread.detachNewThread { [self] in
                continuation.resume(returning: Self.gradeBlocking(job, grader: grader, uploads: uploads))
            }
        }
    }

    public func redactPaths(_ verdictJSON: String, submission id: Int) -> String {
        Self.redaction(submission: id, grader: grader, uploads: uploads).apply(verdictJSON)
    }

    static func redaction(submission id: Int, grader: Grader, uploads: URL) -> PathRedaction {
        PathRedaction([
            (uploads.appendingPathComponent("submission-\(id)", isDirectory: true), ""),
            (grader.buildFolder.appendingPathComponent("submission-\(id)", isDirectory: true), "<build>"),
            (grader.buildFolder, "<build>"),
            (uploads, "<uploads>"),
            (grader.courseRoot, "<course>"),
            (FileManager.default.homeDirectoryForCurrentUser, "~"),
        ])
    }

    static func gradeBlocking(_ job: GradingJob, grader: Grader, uploads: URL) -> GradingResult {
        let result = gradeUnredacted(job, grader: grader, uploads: uploads)
        let redacted = redaction(submission: job.id, grader: grader, uploads: uploads).apply(result.verdictJSON)
        return GradingResult(verdictJSON: redacted, passed: result.passed, score: result.score, maxScore: result.maxScore)
    }

    static func gradeUnredacted(_ job: GradingJob, grader: Grader, uploads: URL) -> GradingResult {
        let verdict: Verdict
        do {
            let exercise = try grader.catalog.exercise(job.exercise)
            let folder = uploads.appendingPathComponent("submission-\(job.id)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(exercise.starterFiles.first ?? job.fileName)
            try Data(job.source.utf8).write(to: file)
            verdict = grader.grade(exercise, sources: [file], seed: UInt64.random(in: 1...999_999),
                                   buildKey: "submission-\(job.id)")
            try? FileManager.default.removeItem(at: grader.buildFolder.appendingPathComponent("submission-\(job.id)"))
        } catch {
            let message = String(describing: error).replacingOccurrences(of: "\\", with: "/").replacingOccurrences(of: "\"", with: "'")
            let json = #"{"schema":"llmcourse.verdict/1","exercise":"\#(job.exercise)","status":"error","error_kind":"internal","message":"\#(message)","score":0,"max_score":0,"seed":0,"duration_ms":0,"isolation":"none","limits":{"timeout_s":0,"memory_mb":0,"output_bytes":0,"network":false},"tests":[],"files":[]}"#
            return GradingResult(verdictJSON: json, passed: false, score: 0, maxScore: 0)
        }
        return GradingResult(verdictJSON: verdict.json(), passed: verdict.passed, score: verdict.score, maxScore: verdict.maxScore)
    }
}

/// A stand-in grader for load drills and tests: waits `seconds`, then passes when the source
/// contains "PASS" (score 1 of 1). It compiles nothing.
public struct SimulatedGrading: SubmissionGrading {
    public var seconds: Double
    public var exercises: [String: String]
    public var onGrade: @Sendable (GradingJob) -> Void

    public init(seconds: Double, exercises: [String: String] = ["demo": "Demo.swift"], onGrade: @escaping @Sendable (GradingJob) -> Void = { _ in }) {
        self.seconds = seconds
        self.exercises = exercises
        self.onGrade = onGrade
    }

    public func fileName(for exercise: String) -> String? { exercises[exercise] }

    public var exerciseIDs: [String] { exercises.keys.sorted() }

    public func grade(_ job: GradingJob) async -> GradingResult {
        onGrade(job)
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        let passed = job.source.contains("PASS")
        let json = #"{"schema":"llmcourse.verdict/1","exercise":"\#(job.exercise)","status":"\#(passed ? "pass" : "fail")","score":\#(passed ? 1 : 0),"max_score":1,"seed":1,"duration_ms":0,"isolation":"simulated","limits":{"timeout_s":10,"memory_mb":2048,"output_bytes":1048576,"network":false},"tests":[],"files":["\#(job.fileName)"]}"#
        return GradingResult(verdictJSON: json, passed: passed, score: passed ? 1 : 0, maxScore: 1)
    }
}
