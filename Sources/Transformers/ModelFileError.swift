import Foundation

/// A problem with a file the user gave us: a tokenizer, a `config.json`, a checkpoint.
///
/// Every error names the file, says what is wrong and how to fix it, so that a learner who
/// downloaded the wrong file sees the reason rather than a crash:
///
/// ```
/// tokenizer.json: unsupported tokenizer model "Unigram" — only byte-level BPE tokenizers
/// (GPT-2, SmolLM, …) are supported; use a checkpoint whose tokenizer.json has "model": {"type": "BPE"}.
/// ```
public struct ModelFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, coarse enough for tests and callers to branch on.
    public enum Kind: String, Sendable {
        /// The file could not be read at all (missing, permissions).
        case unreadable
        /// The bytes are not what the format says (bad JSON, truncated data).
        case malformed
        /// A valid file of a kind we do not implement (another tokenizer model, activation, …).
        case unsupported
        /// A required field or tensor is absent.
        case missingField
        /// Fields disagree with each other or with the tensors' shapes.
        case inconsistent
    }

    public let file: String
    public let kind: Kind
    public let problem: String
    public let fix: String

    public init(file: String, kind: Kind, problem: String, fix: String) {
        self.file = file
        self.kind = kind
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        "\(file): \(problem)" + (fix.isEmpty ? "" : " — \(fix)")
    }
}

extension ModelFileError {
    /// Reads a whole file, turning a missing or unreadable file into a `ModelFileError`.
    static func readData(_ url: URL) throws(ModelFileError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ModelFileError(
                file: url.path, kind: .unreadable, problem: "cannot read the file (\(error.localizedDescription))",
                fix: "check that the path exists and is readable")
        }
    }
}
