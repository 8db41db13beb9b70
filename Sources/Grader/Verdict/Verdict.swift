import CheckProtocol
import Course
import Foundation

/// The result of grading one exercise (schema `llmcourse.verdict/1`).
///
/// `status` is `pass` when every check passed, `error` when no check produced a result
/// (compile error, crash or timeout before the first one), else `fail`. `errorKind` says how
/// a run ended abnormally (`compile`, `timeout`, `memory`, `crash`, `output_limit`,
/// `internal`), even when some checks did run.
public struct Verdict: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case pass, fail, error }
    public enum ErrorKind: String, Codable, Sendable {
        case compile, timeout, memory, crash
        case outputLimit = "output_limit"
        case `internal`
    }

    public var schema = "llmcourse.verdict/1"
    public var exercise: String
    public var status: Status
    public var errorKind: ErrorKind?
    /// One paragraph on what went wrong overall (compile errors, the crash, the timeout), in English.
    public var message: String?
    /// `message` in structured form, so a terminal can show it in its reader's language.
    public var note: VerdictNote?
    public var score: Int
    public var maxScore: Int
    public var seed: UInt64
    public var durationMilliseconds: Double
    public var compileMilliseconds: Double?
    /// Which confinement was active (see ``Sandbox``).
    public var isolation: String
    public var limits: Limits
    public var tests: [CheckResult]
    /// Compiler messages when `errorKind == .compile`.
    public var diagnostics: [CompilerDiagnostic]?
    /// The learner's files, as shown in messages (e.g. `workspace/matmul-loops/Matmul.swift`).
    public var files: [String]
    /// Output printed outside any check (capped).
    public var output: String?
    public var outputTruncated: Bool?

    public struct Limits: Codable, Sendable, Equatable {
        public var timeoutSeconds: Double
        public var memoryMegabytes: Int
        public var outputBytes: Int
        public var network: Bool

        enum CodingKeys: String, CodingKey {
            case timeoutSeconds = "timeout_s", memoryMegabytes = "memory_mb", outputBytes = "output_bytes", network
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, exercise, status, message, note, score, seed, isolation, limits, tests, diagnostics, files, output
        case errorKind = "error_kind", maxScore = "max_score", durationMilliseconds = "duration_ms"
        case compileMilliseconds = "compile_ms", outputTruncated = "output_truncated"
    }

    public var passed: Bool { status == .pass }

    /// The verdict as pretty JSON (keys sorted; `error_kind` always present, null when none).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(self), var text = String(data: data, encoding: .utf8) else { return "{}" }
        if errorKind == nil, let brace = text.firstIndex(of: "{") {
            text.insert(contentsOf: "\n  \"error_kind\" : null,", at: text.index(after: brace))
        }
        return text
    }
}

/// One check's result inside a ``Verdict``.
public struct CheckResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case pass, fail, timeout, error }

    public var name: String
    /// The check's name in Traditional Chinese, when its author gave one.
    public var nameZh: String?
    public var status: Status
    public var score: Int
    public var maxScore: Int
    public var message: String?
    /// `message` in structured form when the grader wrote it (not the check itself).
    public var note: VerdictNote?
    /// Error statistics of the check's worst numeric comparison.
    public var numeric: NumericReport?
    /// What the learner's code printed during this check (≤ 500 characters, control codes removed).
    public var output: String?
    public var outputTruncated: Bool?
    public var durationMilliseconds: Double?
    public var seed: UInt64

    enum CodingKeys: String, CodingKey {
        case name, status, score, message, note, numeric, output, seed
        case nameZh = "name_zh"
        case maxScore = "max_score", outputTruncated = "output_truncated", durationMilliseconds = "duration_ms"
    }
}

extension CheckResult {
    /// The name a learner reading in `language` sees: the Chinese name when there is one.
    public func displayName(_ language: CourseLanguage) -> String {
        language == .traditionalChinese ? (nameZh ?? name) : name
    }
}
