import Foundation
import NeuralNets
import Tensors
import Transformers

/// Merges Hugging Face model folders (`config.json` + `model.safetensors`) into a new folder.
///
/// ```swift
/// let merge = CheckpointMerge(models: [mathFolder, codeFolder], base: baseFolder,
///                             method: .ties(density: 0.2))
/// try merge.write(to: URL(fileURLWithPath: "merged"))
/// ```
///
/// The models must share one architecture: the same tensor names and shapes (checked before
/// anything is written). The new folder gets `config.json` and the tokenizer files of the first
/// model, and `model.safetensors` whose metadata records the method and the sources, so a merged
/// model can always say where it came from. Writing goes to a temporary folder that replaces the
/// destination only when complete: an interrupted merge leaves nothing half-written behind.
public struct CheckpointMerge {
    public var models: [URL]
    public var base: URL?
    public var method: MergeMethod
    /// One weight per model; equal weights when empty.
    public var weights: [Float]
    /// Scale of the summed task vectors (task arithmetic, TIES, DARE).
    public var lambda: Float
    public var storage: Safetensors.StorageType

    /// Files copied from the first model when present.
    static let companionFiles = ["config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                                 "special_tokens_map.json", "vocab.json", "merges.txt"]

    public init(models: [URL], base: URL? = nil, method: MergeMethod, weights: [Float] = [], lambda: Float = 1,
                storage: Safetensors.StorageType = .F32) {
        self.models = models
        self.base = base
        self.method = method
        self.weights = weights
        self.lambda = lambda
        self.storage = storage
    }

    /// Checks the inputs and returns the merged tensors by name.
    public func mergedTensors() throws(ModelFileError) -> [String: Tensor] {
        try validateArguments()
        let files = try models.map { url throws(ModelFileError) in try Self.open(url) }
        let baseFile = try base.map { url throws(ModelFileError) in try Self.open(url) }
        let reference = files[0]
        for file in files.dropFirst() + (baseFile.map { [$0] } ?? []) {
            try Self.checkSameLayout(reference, file)
        }
        let w = weights.isEmpty ? [Float](repeating: 1, count: models.count) : weights
        var merged: [String: Tensor] = [:]
        for (index, name) in reference.tensorNames.enumerated() {
            let tensors = try files.map { file throws(ModelFileError) in try Self.read(name, from: file) }
            let values = tensors.map(\.scalars)
            let baseValues = try baseFile.map { file throws(ModelFileError) in try Self.read(name, from: file).scalars }
            let result = TensorMerge.merge(values, base: baseValues, method: method, weights: w, lambda: lambda, tensorIndex: index)
            merged[name] = Tensor(shape: tensors[0].shape, scalars: result)
        }
        return merged
    }

    /// Merges and writes the new model folder at `destination`.
    public func write(to destination: URL) throws(ModelFileError) {
        let fm = FileManager.default
        let inputs = (models + (base.map { [$0] } ?? [])).map { $0.standardizedFileURL.path }
        guard !inputs.contains(destination.standardizedFileURL.path) else {
            throw ModelFileError(file: destination.path, kind: .inconsistent, problem: "the output folder is one of the inputs",
                                 fix: "choose a new folder for --out")
        }
        let tensors = try mergedTensors()
        let staging = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).merging-\(getpid())")
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for name in Self.companionFiles {
                let source = models[0].appendingPathComponent(name)
                if fm.fileExists(atPath: source.path) { try fm.copyItem(at: source, to: staging.appendingPathComponent(name)) }
            }
            try Safetensors.save(tensors, to: staging.appendingPathComponent("model.safetensors"), as: storage,
                                 metadata: ["format": "pt", "llmcourse.merge": provenance(relativeTo: destination)])
            if fm.fileExists(atPath: destination.path) { try fm.removeItem(at: destination) }
            try fm.moveItem(at: staging, to: destination)
        } catch {
            try? fm.removeItem(at: staging)
            throw ModelFileError(file: destination.path, kind: .unreadable, problem: "cannot write the merged model: \(error)",
                                 fix: "check that the folder is writable and the disk has room")
        }
    }

    /// JSON recording how the model was made; with a destination, also the sources' paths
    /// relative to it, so `llmcourse lineage` can follow them (the folders may move together).
    public func provenance(relativeTo destination: URL? = nil) -> String {
        // Six significant digits: Float parameters without binary noise (0.3, not 0.30000001).
        func number(_ x: Float) -> Double { Double(String(format: "%.6g", x)) ?? Double(x) }
        var record: [String: Any] = ["method": method.name, "models": models.map(\.lastPathComponent), "lambda": number(lambda)]
        if let base { record["base"] = base.lastPathComponent }
        if let destination {
            record["paths"] = models.map { Self.relativePath(of: $0, from: destination) }
            if let base { record["base_path"] = Self.relativePath(of: base, from: destination) }
        }
        if !weights.isEmpty { record["weights"] = weights.map(number) }
        switch method {
        case .slerp(let t): record["t"] = number(t)
        case .ties(let density): record["density"] = number(density)
        case .dare(let density, let seed): record["density"] = number(density); record["seed"] = seed
        case .linear, .taskArithmetic: break
        }
        let data = (try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `target` as seen from inside `folder`: `../a` for a sibling.
    static func relativePath(of target: URL, from folder: URL) -> String {
        let to = target.standardizedFileURL.pathComponents, from = folder.standardizedFileURL.pathComponents
        var common = 0
        while common < min(to.count, from.count) && to[common] == from[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    func validateArguments() throws(ModelFileError) {
        func refuse(_ problem: String, _ fix: String) -> ModelFileError {
            ModelFileError(file: models.first?.path ?? "", kind: .inconsistent, problem: problem, fix: fix)
        }
        guard !models.isEmpty else { throw refuse("no models to merge", "name at least one model folder") }
        if case .slerp(let t) = method {
            guard models.count == 2 else { throw refuse("slerp merges exactly two models, not \(models.count)", "name two model folders") }
            guard (0...1).contains(t) else { throw refuse("slerp's t must be between 0 and 1, not \(t)", "use e.g. --t 0.5") }
        }
        if method.needsBase && base == nil {
            throw refuse("\(method.name) works on differences from a base model", "name the model they were fine-tuned from with --base")
        }
        switch method {
        case .ties(let d), .dare(let d, _):
            guard d > 0 && d <= 1 else { throw refuse("density must be in (0, 1], not \(d)", "use e.g. --density 0.5") }
        default: break
        }
        guard weights.isEmpty || weights.count == models.count else {
            throw refuse("\(weights.count) weights for \(models.count) models", "give one --weight per model, or none")
        }
        guard weights.allSatisfy({ $0 >= 0 }), weights.isEmpty || weights.reduce(0, +) > 0 else {
            throw refuse("weights must be non-negative and not all zero", "use e.g. --weight 0.7 --weight 0.3")
        }
    }

    static func open(_ folder: URL) throws(ModelFileError) -> SafetensorsFile {
        let url = folder.appendingPathComponent("model.safetensors")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ModelFileError(file: url.path, kind: .unreadable, problem: "no model.safetensors in this folder",
                                 fix: "give a Hugging Face model folder (config.json + model.safetensors)")
        }
        do { return try SafetensorsFile(url: url) } catch { throw fileError(error, url: url) }
    }

    static func read(_ name: String, from file: SafetensorsFile) throws(ModelFileError) -> Tensor {
        do { return try file.tensor(name) } catch { throw fileError(error, url: file.url) }
    }

    static func fileError(_ error: SafetensorsError, url: URL) -> ModelFileError {
        ModelFileError(file: url.path, kind: .malformed, problem: "\(error)",
                       fix: "the file is damaged or not a safetensors checkpoint; download or save it again")
    }

    /// Same tensor names and shapes, or an error naming the first difference.
    static func checkSameLayout(_ a: SafetensorsFile, _ b: SafetensorsFile) throws(ModelFileError) {
        let namesA = Set(a.tensorNames), namesB = Set(b.tensorNames)
        if let missing = namesA.subtracting(namesB).sorted().first ?? namesB.subtracting(namesA).sorted().first {
            throw ModelFileError(file: b.url.path, kind: .inconsistent,
                                 problem: "tensor \(missing) is in one model but not the other",
                                 fix: "merge only models of the same architecture and size")
        }
        for name in a.tensorNames where a.entries[name]!.shape != b.entries[name]!.shape {
            throw ModelFileError(file: b.url.path, kind: .inconsistent,
                                 problem: "tensor \(name) has shape \(b.entries[name]!.shape) here but \(a.entries[name]!.shape) in \(a.url.path)",
                                 fix: "merge only models of the same architecture and size")
        }
    }
}
