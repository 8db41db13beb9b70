import Foundation

/// A person in the study group. The leader is a member with the `leader` role.
public struct Member: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable { case member, leader }
    public var id: Int
    public var name: String
    public var role: Role
    public var revoked: Bool
    public var createdAt: Date
}

/// Where a submission is in the queue: `queued` → `running` (a worker claimed it) → `done`.
public enum SubmissionStatus: String, Codable, Sendable { case queued, running, done }

/// One uploaded exercise file and, once graded, its verdict (JSON, schema llmcourse.verdict/1).
public struct Submission: Codable, Sendable, Equatable {
    public var id: Int
    public var member: String
    public var exercise: String
    public var fileName: String
    public var status: SubmissionStatus
    public var passed: Bool?
    public var score: Int?
    public var maxScore: Int?
    /// How many times a worker started grading it (more than 1 only after a crash).
    public var attempts: Int
    public var createdAt: Date
    public var finishedAt: Date?
    /// The verdict JSON text; nil until done.
    public var verdict: String?
}

/// A claimed piece of work for a grading worker.
public struct GradingJob: Sendable, Equatable {
    public var id: Int
    public var exercise: String
    public var fileName: String
    public var source: String
}

/// The result a worker stores for a job.
public struct GradingResult: Sendable, Equatable {
    public var verdictJSON: String
    public var passed: Bool
    public var score: Int
    public var maxScore: Int
    public init(verdictJSON: String, passed: Bool, score: Int, maxScore: Int) {
        self.verdictJSON = verdictJSON
        self.passed = passed
        self.score = score
        self.maxScore = maxScore
    }
}

/// Personal tokens: 32 random bytes as hex, shown once; the database keeps only their SHA-256.
public enum MemberToken {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    public static func hash(_ token: String) -> String {
        SHA256Hex.of(token)
    }
}
