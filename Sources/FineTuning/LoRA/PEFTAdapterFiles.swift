import Foundation
import NeuralNets
import Tensors
import Transformers

/// LoRA adapters in PEFT's on-disk format, so adapters trained here load in Hugging Face PEFT
/// and adapters from the Hub load here.
///
/// A folder holds two files:
/// - `adapter_config.json`: `peft_type: "LORA"`, `r`, `lora_alpha`, `lora_dropout`,
///   `target_modules`, `fan_in_fan_out`, `bias`, …
/// - `adapter_model.safetensors`: one tensor per matrix, named after the adapted layer with
///   PEFT's prefix, e.g. `base_model.model.transformer.h.0.attn.c_attn.lora_A.weight` (`[r, in]`)
///   and `….lora_B.weight` (`[out, r]`).
///
/// ```swift
/// let lora = try PEFTAdapterFiles.load(from: folder, into: gpt2)   // attaches and fills the adapters
/// try PEFTAdapterFiles.save(lora, to: otherFolder)
/// ```
public enum PEFTAdapterFiles {
    public static let configurationFile = "adapter_config.json"
    public static let weightsFile = "adapter_model.safetensors"
    /// PEFT wraps the base model twice (`PeftModel.base_model` → `LoraModel.model`).
    public static let keyPrefix = "base_model.model."

    /// Reads `adapter_config.json` into a ``LoRAConfiguration``.
    public static func configuration(at folder: URL) throws(PEFTFileError) -> LoRAConfiguration {
        let url = folder.appendingPathComponent(configurationFile)
        let object: [String: Any]
        do {
            let data = try Data(contentsOf: url)
            guard let parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw PEFTFileError(file: url.path, problem: "the top level is not a JSON object", fix: "write the file with PEFT's save_pretrained")
            }
            object = parsed
        } catch let error as PEFTFileError {
            throw error
        } catch {
            throw PEFTFileError(file: url.path, problem: "cannot read it (\(error.localizedDescription))",
                                fix: "check that the folder holds a PEFT adapter (adapter_config.json + adapter_model.safetensors)")
        }
        func fail(_ problem: String, _ fix: String) -> PEFTFileError { PEFTFileError(file: url.path, problem: problem, fix: fix) }
        guard (object["peft_type"] as? String)?.uppercased() == "LORA" else {
            throw fail("peft_type is \(object["peft_type"] ?? "missing"), not LORA", "only LoRA adapters are supported")
        }
        guard let rank = object["r"] as? Int, rank > 0 else { throw fail("r is missing or not a positive integer", "set \"r\" to the adapter's rank") }
        guard let alpha = (object["lora_alpha"] as? NSNumber)?.floatValue else { throw fail("lora_alpha is missing", "set \"lora_alpha\"") }
        let targets: [String]
        if let list = object["target_modules"] as? [String] { targets = list.sorted() }
        else if let single = object["target_modules"] as? String { targets = [single] }
        else { throw fail("target_modules is missing", "list the adapted layers, e.g. [\"c_attn\"]") }
        for flag in ["use_dora", "use_rslora"] where (object[flag] as? Bool) == true {
            throw fail("\(flag) is true", "this course implements plain LoRA; save the adapter with \(flag)=False")
        }
        for pattern in ["rank_pattern", "alpha_pattern"] where !((object[pattern] as? [String: Any])?.isEmpty ?? true) {
            throw fail("\(pattern) gives per-layer values", "use one rank and alpha for every layer")
        }
        if let bias = object["bias"] as? String, bias != "none" {
            throw fail("bias is \"\(bias)\"", "save the adapter with bias=\"none\"")
        }
        return LoRAConfiguration(rank: rank, alpha: alpha, dropout: (object["lora_dropout"] as? NSNumber)?.floatValue ?? 0,
                                 targetModules: targets, fanInFanOut: object["fan_in_fan_out"] as? Bool ?? false)
    }

    /// Attaches adapters to `model` as `folder` describes and fills them from its safetensors file.
    public static func load(from folder: URL, into model: any LanguageModel) throws(PEFTFileError) -> LoRAModel {
        let configuration = try configuration(at: folder)
        let url = folder.appendingPathComponent(weightsFile)
        let stored: [String: Tensor]
        do { stored = try Safetensors.load(url) } catch {
            throw PEFTFileError(file: url.path, problem: "cannot read it (\(error))", fix: "check that the adapter was saved completely")
        }
        let lora = LoRAModel(wrapping: model, configuration: configuration)
        var used = Set<String>()
        for (name, parameter) in lora.adapterParameters() {
            let key = keyPrefix + name
            guard let tensor = stored[key] else {
                throw PEFTFileError(file: url.path, problem: "no tensor named \(key)",
                                    fix: "the adapter was trained for another model or other target modules")
            }
            guard tensor.shape == parameter.value.shape else {
                throw PEFTFileError(file: url.path, problem: "\(key) has shape \(tensor.shape), the model needs \(parameter.value.shape)",
                                    fix: "load the adapter into the base model it was trained on")
            }
            parameter.value = tensor
            used.insert(key)
        }
        let unexpected = Set(stored.keys).subtracting(used).sorted()
        if !unexpected.isEmpty {
            throw PEFTFileError(file: url.path, problem: "tensors with no matching layer: \(unexpected.prefix(3).joined(separator: ", "))",
                                fix: "the adapter targets layers this model lacks; check target_modules and the base model")
        }
        return lora
    }

    /// Writes `lora`'s adapters as `adapter_config.json` + `adapter_model.safetensors` in `folder`.
    public static func save(_ lora: LoRAModel, to folder: URL, baseModel: String? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let c = lora.configuration
        let config: [String: Any] = [
            "peft_type": "LORA", "r": c.rank, "lora_alpha": c.alpha, "lora_dropout": c.dropout,
            "target_modules": c.targetModules, "fan_in_fan_out": c.fanInFanOut, "bias": "none",
            "base_model_name_or_path": baseModel ?? NSNull(), "inference_mode": true, "init_lora_weights": true,
            "use_rslora": false, "use_dora": false, "modules_to_save": NSNull(), "task_type": "CAUSAL_LM",
            "rank_pattern": [String: Int](), "alpha_pattern": [String: Int](),
        ]
        let json = try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: folder.appendingPathComponent(configurationFile), options: .atomic)
        let tensors = Dictionary(uniqueKeysWithValues: lora.adapterParameters().map { (keyPrefix + $0.name, $0.parameter.value) })
        try Safetensors.save(tensors, to: folder.appendingPathComponent(weightsFile), metadata: ["format": "pt"])
    }
}

/// A PEFT adapter file that cannot be used, with the file, the problem and how to fix it.
public struct PEFTFileError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let problem: String
    public let fix: String

    public var description: String { "\(file): \(problem); \(fix)" }
}
