import Foundation
import NeuralNets

/// The shape of a GPT-2 model, read from a Hugging Face `config.json` (`"model_type": "gpt2"`).
///
/// ```swift
/// let config = try GPT2Config(contentsOf: folder.appendingPathComponent("config.json"))
/// config.embeddingSize   // n_embd, 768 for the smallest GPT-2
/// ```
public struct GPT2Config: Codable, Equatable, Sendable {
    /// `vocab_size`: rows of the token embedding (V).
    public var vocabularySize: Int
    /// `n_positions`: rows of the learned position embedding, the longest context.
    public var contextLength: Int
    /// `n_embd`: width of the residual stream (C).
    public var embeddingSize: Int
    /// `n_layer`: number of transformer blocks.
    public var layerCount: Int
    /// `n_head`: attention heads; each has `embeddingSize / headCount` dimensions.
    public var headCount: Int
    /// `n_inner`: hidden width of the MLP (`null` in the file means 4·C).
    public var innerSize: Int
    /// `activation_function`: `gelu_new` (tanh approximation) for GPT-2.
    public var activation: Activation
    /// `layer_norm_epsilon`.
    public var layerNormEpsilon: Float
    /// `tie_word_embeddings`: the output projection reuses the token embedding (true for GPT-2).
    public var tiesWordEmbeddings: Bool

    public init(vocabularySize: Int, contextLength: Int, embeddingSize: Int, layerCount: Int, headCount: Int,
                innerSize: Int? = nil, activation: Activation = .geluTanh, layerNormEpsilon: Float = 1e-5,
                tiesWordEmbeddings: Bool = true) {
        self.vocabularySize = vocabularySize
        self.contextLength = contextLength
        self.embeddingSize = embeddingSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.innerSize = innerSize ?? 4 * embeddingSize
        self.activation = activation
        self.layerNormEpsilon = layerNormEpsilon
        self.tiesWordEmbeddings = tiesWordEmbeddings
    }

    /// Reads and checks a `config.json`.
    public init(contentsOf url: URL) throws(ModelFileError) {
        self = try ConfigFile.decode(GPT2Config.self, from: url)
    }

    public var headSize: Int { embeddingSize / headCount }

    enum CodingKeys: String, CodingKey {
        case vocabularySize = "vocab_size", contextLength = "n_positions", embeddingSize = "n_embd"
        case layerCount = "n_layer", headCount = "n_head", innerSize = "n_inner"
        case activation = "activation_function", layerNormEpsilon = "layer_norm_epsilon"
        case tiesWordEmbeddings = "tie_word_embeddings", modelType = "model_type"
        case scaleByLayer = "scale_attn_by_inverse_layer_idx", scaleWeights = "scale_attn_weights"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let type = try c.decodeIfPresent(String.self, forKey: .modelType), type != "gpt2" {
            throw ConfigFile.unsupported("model_type is \"\(type)\", not \"gpt2\"", fix: "load it with the matching model type")
        }
        let embedding = try c.decode(Int.self, forKey: .embeddingSize)
        let activationName = try c.decodeIfPresent(String.self, forKey: .activation) ?? "gelu_new"
        guard let activation = Self.activations[activationName] else {
            throw ConfigFile.unsupported("activation_function \"\(activationName)\" is not implemented",
                                         fix: "supported: \(Self.activations.keys.sorted().joined(separator: ", "))")
        }
        if try c.decodeIfPresent(Bool.self, forKey: .scaleByLayer) == true
            || c.decodeIfPresent(Bool.self, forKey: .scaleWeights) == false {
            throw ConfigFile.unsupported("non-standard attention scaling (scale_attn_by_inverse_layer_idx / scale_attn_weights)",
                                         fix: "only GPT-2's 1/√d scaling is implemented")
        }
        self.init(
            vocabularySize: try c.decode(Int.self, forKey: .vocabularySize),
            contextLength: try c.decode(Int.self, forKey: .contextLength),
            embeddingSize: embedding,
            layerCount: try c.decode(Int.self, forKey: .layerCount),
            headCount: try c.decode(Int.self, forKey: .headCount),
            innerSize: try c.decodeIfPresent(Int.self, forKey: .innerSize),
            activation: activation,
            layerNormEpsilon: try c.decodeIfPresent(Float.self, forKey: .layerNormEpsilon) ?? 1e-5,
            tiesWordEmbeddings: try c.decodeIfPresent(Bool.self, forKey: .tiesWordEmbeddings) ?? true)
        try validate()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("gpt2", forKey: .modelType)
        try c.encode(vocabularySize, forKey: .vocabularySize)
        try c.encode(contextLength, forKey: .contextLength)
        try c.encode(embeddingSize, forKey: .embeddingSize)
        try c.encode(layerCount, forKey: .layerCount)
        try c.encode(headCount, forKey: .headCount)
        try c.encode(innerSize, forKey: .innerSize)
        try c.encode(Self.activations.first { $0.value == activation }?.key ?? "gelu_new", forKey: .activation)
        try c.encode(layerNormEpsilon, forKey: .layerNormEpsilon)
        try c.encode(tiesWordEmbeddings, forKey: .tiesWordEmbeddings)
    }

    /// Checks that the numbers fit together.
    public func validate() throws(ModelFileError) {
        for (name, value) in [("vocab_size", vocabularySize), ("n_positions", contextLength), ("n_embd", embeddingSize),
                              ("n_layer", layerCount), ("n_head", headCount), ("n_inner", innerSize)] where value <= 0 {
            throw ConfigFile.inconsistent("\(name) is \(value), it must be positive", fix: "correct the value")
        }
        guard embeddingSize % headCount == 0 else {
            throw ConfigFile.inconsistent("n_embd \(embeddingSize) is not divisible by n_head \(headCount)",
                                          fix: "each head gets n_embd / n_head dimensions; correct one of them")
        }
    }

    static let activations: [String: Activation] = [
        "gelu_new": .geluTanh, "gelu_pytorch_tanh": .geluTanh, "gelu": .gelu, "relu": .relu, "silu": .silu, "tanh": .tanh,
    ]
}
