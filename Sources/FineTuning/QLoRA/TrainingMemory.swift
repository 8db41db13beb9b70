import NeuralNets
import Transformers

/// What fine-tuning keeps in memory, counted from the model's parameters (activations, which
/// depend on batch and sequence length, are left out).
///
/// ```
/// weights      every parameter, at its storage precision (NF4 for a QLoRA base)
/// gradients    one Float per trainable parameter
/// optimizer    AdamW: two Floats (m, v) per trainable parameter
/// ```
///
/// ```swift
/// let full = TrainingMemory.fullFineTuning(model)
/// let lora = TrainingMemory.lora(loraModel)
/// print(full.total, lora.total)
/// ```
public struct TrainingMemory: Sendable, Equatable {
    public var method: String
    public var trainableParameters: Int
    public var totalParameters: Int
    public var weightBytes: Int
    public var gradientBytes: Int
    public var optimizerBytes: Int

    public var total: Int { weightBytes + gradientBytes + optimizerBytes }
    public var trainableShare: Double { Double(trainableParameters) / Double(max(totalParameters, 1)) }

    static let floatBytes = 4
    /// AdamW's two moment estimates per parameter.
    static let adamStates = 2

    init(method: String, trainable: Int, total: Int, weightBytes: Int) {
        self.method = method
        trainableParameters = trainable
        totalParameters = total
        self.weightBytes = weightBytes
        gradientBytes = trainable * Self.floatBytes
        optimizerBytes = trainable * Self.adamStates * Self.floatBytes
    }

    /// Every parameter trains.
    public static func fullFineTuning(_ model: any Module) -> TrainingMemory {
        let n = model.parameterCount
        return TrainingMemory(method: "full fine-tuning", trainable: n, total: n, weightBytes: n * floatBytes)
    }

    /// Frozen Float32 base plus adapters; only the adapters have gradients and optimizer state.
    public static func lora(_ lora: LoRAModel) -> TrainingMemory {
        let n = lora.totalParameterCount
        return TrainingMemory(method: "LoRA r=\(lora.configuration.rank)", trainable: lora.trainableParameterCount,
                              total: n, weightBytes: n * floatBytes)
    }

    /// NF4 projections, every other parameter (embeddings, norms, biases, adapters) in Float32.
    public static func qlora(_ qlora: QLoRAModel) -> TrainingMemory {
        let quantizedCount = qlora.quantized.reduce(0) { $0 + $1.weight.shape.reduce(1, *) }
        let quantizedBytes = qlora.quantized.reduce(0) { $0 + $1.weight.storageBytes }
        let n = qlora.lora.totalParameterCount
        return TrainingMemory(method: "QLoRA r=\(qlora.lora.configuration.rank)", trainable: qlora.lora.trainableParameterCount,
                              total: n, weightBytes: (n - quantizedCount) * floatBytes + quantizedBytes)
    }

    /// The same three rows for a GPT-2-shaped model of any size, counted from its shapes without
    /// building it: LoRA of rank `rank` on `c_attn` and both `c_proj`s, NF4 (double-quantized) for QLoRA.
    public static func gpt2Estimates(embedding c: Int, layers: Int, vocabulary: Int, context: Int, rank: Int) -> [TrainingMemory] {
        let projections = [(c, 3 * c), (c, c), (c, 4 * c), (4 * c, c)]              // c_attn, attn.c_proj, c_fc, mlp.c_proj
        let projectionWeights = layers * projections.reduce(0) { $0 + $1.0 * $1.1 }
        let biases = layers * projections.reduce(0) { $0 + $1.1 }
        let norms = (2 * layers + 1) * 2 * c
        let embeddings = vocabulary * c + context * c
        let base = projectionWeights + biases + norms + embeddings
        let adapted = [(c, 3 * c), (c, c), (4 * c, c)]
        let adapters = layers * adapted.reduce(0) { $0 + rank * ($1.0 + $1.1) }
        // 4 bits + 8-bit absmax per 64 + Float per 256 blocks.
        let nf4Bytes = Int((Double(projectionWeights) * (4 + 8.0 / 64 + 32.0 / (64 * 256)) / 8).rounded(.up))
        return [
            TrainingMemory(method: "full fine-tuning", trainable: base, total: base, weightBytes: base * floatBytes),
            TrainingMemory(method: "LoRA r=\(rank)", trainable: adapters, total: base + adapters,
                           weightBytes: (base + adapters) * floatBytes),
            TrainingMemory(method: "QLoRA r=\(rank)", trainable: adapters, total: base + adapters,
                           weightBytes: (base - projectionWeights + adapters) * floatBytes + nf4Bytes),
        ]
    }
}

/// `1234567` → `"1.18 MiB"`.
public func formatBytes(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB"]
    var value = Double(bytes), unit = 0
    while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
    return unit == 0 ? "\(bytes) B" : String(format: "%.2f ", value) + units[unit]
}
