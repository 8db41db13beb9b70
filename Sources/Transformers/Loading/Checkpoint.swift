import Foundation
import Autograd
import NeuralNets
import Tensors

/// Loading a model's parameters from a Hugging Face `model.safetensors`, and saving them back.
///
/// Parameters are matched by their dotted names. Checkpoints in the wild vary a little, so:
/// - a name may appear without its top-level prefix (`h.0.attn.c_attn.weight` for
///   `transformer.h.0.attn.c_attn.weight`, as in the original GPT-2 upload);
/// - buffers that are not parameters (`attn.bias`, `attn.masked_bias`, `rotary_emb.inv_freq`) and a
///   stored `lm_head.weight` of a tied model are skipped;
/// - F32, F16 and BF16 tensors are converted to Float32 as they are read from the memory-mapped file.
///
/// Anything else — a missing tensor, a tensor the model has no place for, a shape that disagrees
/// with `config.json`, a damaged file — is a ``ModelFileError`` naming the file and the tensor.
public enum Checkpoint {
    /// Copies every parameter of `module` from the safetensors file at `url`.
    public static func load(into module: any Module, from url: URL) throws(ModelFileError) {
        let file: SafetensorsFile
        do { file = try SafetensorsFile(url: url) } catch { throw modelFileError(error, url: url) }
        let available = Set(file.tensorNames)
        var used = Set<String>()
        for (name, parameter) in module.namedParameters() {
            guard let stored = candidates(for: name).first(where: available.contains) else {
                throw ModelFileError(
                    file: url.path, kind: .missingField, problem: "no tensor named \(name)",
                    fix: "the checkpoint does not match config.json (different architecture or fewer layers?)")
            }
            let tensor: Tensor
            do { tensor = try file.tensor(stored) } catch { throw modelFileError(error, url: url) }
            guard tensor.shape == parameter.value.shape else {
                throw ModelFileError(
                    file: url.path, kind: .inconsistent,
                    problem: "tensor \(stored) has shape \(tensor.shape) but config.json implies \(parameter.value.shape)",
                    fix: "use the config.json that came with this checkpoint")
            }
            parameter.value = tensor
            used.insert(stored)
        }
        let unexpected = available.subtracting(used).filter { !isIgnorable($0) }.sorted()
        if !unexpected.isEmpty {
            throw ModelFileError(
                file: url.path, kind: .inconsistent,
                problem: "tensors the model has no place for: \(unexpected.prefix(5).joined(separator: ", "))\(unexpected.count > 5 ? ", …" : "")",
                fix: "the checkpoint does not match config.json (more layers, another architecture?)")
        }
    }

    /// Writes every parameter of `module` as F32 (or F16/BF16) safetensors, with Hugging Face names.
    public static func save(_ module: any Module, to url: URL, as type: Safetensors.StorageType = .F32) throws {
        try Safetensors.save(module.stateDict(), to: url, as: type, metadata: ["format": "pt"])
    }

    /// `transformer.h.0.x` may be stored as `h.0.x`; `model.layers.0.x` as `layers.0.x`.
    static func candidates(for name: String) -> [String] {
        for prefix in ["transformer.", "model."] where name.hasPrefix(prefix) {
            return [name, String(name.dropFirst(prefix.count))]
        }
        return [name]
    }

    static func isIgnorable(_ name: String) -> Bool {
        name.hasSuffix(".attn.bias") || name.hasSuffix(".attn.masked_bias") || name.hasSuffix("rotary_emb.inv_freq")
            || name == "lm_head.weight"  // only left over when the model ties it to the embedding
    }

    /// The safetensors reader's error as a ``ModelFileError``.
    static func modelFileError(_ error: SafetensorsError, url: URL) -> ModelFileError {
        let kind: ModelFileError.Kind = switch error {
        case .unreadable: .unreadable
        case .truncated, .badHeader, .badEntry: .malformed
        case .unsupportedType: .unsupported
        case .missingTensor: .missingField
        }
        // The reader's message starts with the path; keep only the problem.
        let message = error.description
        let problem = message.hasPrefix(url.path + ": ") ? String(message.dropFirst(url.path.count + 2)) : message
        return ModelFileError(file: url.path, kind: kind, problem: problem, fix: "")
    }
}

/// Loads whichever architecture `config.json` names.
public func loadLanguageModel(directory: URL) throws(ModelFileError) -> any LanguageModel {
    let configURL = directory.appendingPathComponent("config.json")
    switch try ConfigFile.modelType(of: configURL) {
    case "gpt2": return try GPT2Model(directory: directory)
    case "llama", "mistral": return try LlamaModel(directory: directory)
    case let other:
        throw ModelFileError(file: configURL.path, kind: .unsupported, problem: "model_type \"\(other)\" is not implemented",
                             fix: "supported: gpt2, llama (Llama, SmolLM, TinyLlama)")
    }
}
