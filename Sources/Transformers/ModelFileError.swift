import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    /// Reads a whole file, turning a missing or unreadable file into a `ModelFileError` that
    /// names the file and what the folder holds instead (an adapter, a GGUF file …).
    static func readData(_ url: URL) throws(ModelFileError) -> Data {
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ModelFileError(file: url.path, kind: .unreadable, problem: "not found: the folder \(folder.path) does not exist",
                                     fix: "check the path (a model folder holds config.json, tokenizer.json and model.safetensors)")
            }
            throw ModelFileError(file: url.path, kind: .unreadable,
                                 problem: "\(url.lastPathComponent) not found in \(folder.path)", fix: missingFileFix(in: folder))
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            let reason = access(url.path, R_OK) != 0 ? "permission denied" : "a read error"
            throw ModelFileError(file: url.path, kind: .unreadable, problem: "cannot read the file (\(reason))",
                                 fix: "check its permissions (ls -l \(url.path))")
        }
    }

    /// What a folder without the expected file probably is, and what to do with it.
    static func missingFileFix(in folder: URL) -> String {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        if names.contains("adapter_config.json") {
            return "this is a LoRA adapter folder (adapter_config.json), not a whole model: pass the folder of the base model it was trained on (its adapter_config.json names it under base_model_name_or_path)"
        }
        if let gguf = names.sorted().first(where: { $0.hasSuffix(".gguf") }) {
            return "this folder holds a GGUF file (\(gguf)), not a Hugging Face model folder; download the safetensors version of the model"
        }
        if names.isEmpty { return "the folder is empty: download a model into it (docs/models.md lists models that work)" }
        return "a model folder holds config.json, tokenizer.json and model.safetensors (docs/models.md lists models that work)"
    }
}
