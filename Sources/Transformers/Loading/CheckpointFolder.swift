import Foundation
import NeuralNets

/// A `config.json` that names a model's shape, read and checked (``GPT2Config``, ``LlamaConfig``).
public protocol ModelConfigFile: Encodable {
    /// Reads and checks a `config.json`.
    init(contentsOf url: URL) throws(ModelFileError)
}

extension GPT2Config: ModelConfigFile {}
extension LlamaConfig: ModelConfigFile {}

/// A model stored as a Hugging Face checkpoint folder: `config.json` beside `model.safetensors`.
///
/// ```
/// folder/config.json         → Config       → init(config:seed:)   (the shapes)
/// folder/model.safetensors   → Checkpoint.load(into:from:)          (the weights, by name)
/// ```
///
/// ```swift
/// let model = try LlamaModel(directory: URL(fileURLWithPath: "SmolLM-135M"))
/// try model.save(directory: URL(fileURLWithPath: "copy"))
/// ```
public protocol CheckpointFolderModel: Module {
    associatedtype Config: ModelConfigFile
    var config: Config { get }
    /// A randomly initialized model of this shape (the weights are then overwritten).
    init(config: Config, seed: UInt64)
}

extension CheckpointFolderModel {
    /// Loads `config.json` and `model.safetensors` from a checkpoint folder.
    public init(directory: URL) throws(ModelFileError) {
        let config = try Config(contentsOf: directory.appendingPathComponent("config.json"))
        self.init(config: config, seed: 0)
        try Checkpoint.load(into: self, from: directory.appendingPathComponent("model.safetensors"))
    }

    /// Writes `config.json` and `model.safetensors` (Hugging Face layout) into `directory`.
    public func save(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ConfigFile.write(config, to: directory.appendingPathComponent("config.json"))
        try Checkpoint.save(self, to: directory.appendingPathComponent("model.safetensors"))
    }
}

extension GPT2Model: CheckpointFolderModel {}
extension LlamaModel: CheckpointFolderModel {}
