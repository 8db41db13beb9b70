import Foundation

/// The shape of a Llama-family model (Llama, SmolLM, TinyLlama), read from a Hugging Face
/// `config.json` (`"model_type": "llama"`).
///
/// `rope_theta` is read from the top level (files written by transformers 4.x) or from inside
/// `rope_parameters` (transformers 5.x); `num_key_value_heads` defaults to `num_attention_heads`
/// (plain multi-head attention) and `head_dim` to `hidden_size / num_attention_heads`.
///
/// ```swift
/// let config = try LlamaConfig(contentsOf: folder.appendingPathComponent("config.json"))
/// config.keyValueHeadCount   // 3 for SmolLM-135M: grouped-query attention, 3 query heads per key/value head
/// ```
public struct LlamaConfig: Codable, Equatable, Sendable {
    /// `vocab_size` (V).
    public var vocabularySize: Int
    /// `hidden_size`: width of the residual stream (C).
    public var hiddenSize: Int
    /// `intermediate_size`: hidden width of the SwiGLU MLP.
    public var intermediateSize: Int
    /// `num_hidden_layers`.
    public var layerCount: Int
    /// `num_attention_heads`: query heads.
    public var headCount: Int
    /// `num_key_value_heads`: key/value heads (= headCount: multi-head; 1: multi-query; else grouped-query).
    public var keyValueHeadCount: Int
    /// `head_dim`.
    public var headSize: Int
    /// `rms_norm_eps`.
    public var rmsNormEpsilon: Float
    /// `rope_theta`: the base of RoPE's frequencies.
    public var ropeTheta: Float
    /// Linear RoPE scaling (`rope_scaling: {"type": "linear", "factor": f}`): positions are divided by f.
    public var ropeScalingFactor: Float
    /// `max_position_embeddings`: the context length the model was trained for.
    public var maxPositions: Int
    /// `tie_word_embeddings`: false for Llama, true for SmolLM.
    public var tiesWordEmbeddings: Bool
    /// `attention_bias`: q/k/v/o projections carry a bias.
    public var attentionBias: Bool
    /// `mlp_bias`.
    public var mlpBias: Bool

    public init(vocabularySize: Int, hiddenSize: Int, intermediateSize: Int, layerCount: Int, headCount: Int,
                keyValueHeadCount: Int? = nil, headSize: Int? = nil, rmsNormEpsilon: Float = 1e-5,
                ropeTheta: Float = 10_000, ropeScalingFactor: Float = 1, maxPositions: Int = 2048,
                tiesWordEmbeddings: Bool = false, attentionBias: Bool = false, mlpBias: Bool = false) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.keyValueHeadCount = keyValueHeadCount ?? headCount
        self.headSize = headSize ?? hiddenSize / max(headCount, 1)
        self.rmsNormEpsilon = rmsNormEpsilon
        self.ropeTheta = ropeTheta
        self.ropeScalingFactor = ropeScalingFactor
        self.maxPositions = maxPositions
        self.tiesWordEmbeddings = tiesWordEmbeddings
        self.attentionBias = attentionBias
        self.mlpBias = mlpBias
    }

    /// SmolLM-135M's shape (for benchmarks with random weights).
    public static let smolLM135M = LlamaConfig(
        vocabularySize: 49152, hiddenSize: 576, intermediateSize: 1536, layerCount: 30, headCount: 9,
        keyValueHeadCount: 3, rmsNormEpsilon: 1e-5, ropeTheta: 10_000, maxPositions: 2048, tiesWordEmbeddings: true)

    /// Reads and checks a `config.json`.
    public init(contentsOf url: URL) throws(ModelFileError) {
        self = try ConfigFile.decode(LlamaConfig.self, from: url)
    }

    enum CodingKeys: String, CodingKey {
        case vocabularySize = "vocab_size", hiddenSize = "hidden_size", intermediateSize = "intermediate_size"
        case layerCount = "num_hidden_layers", headCount = "num_attention_heads"
        case keyValueHeadCount = "num_key_value_heads", headSize = "head_dim", rmsNormEpsilon = "rms_norm_eps"
        case ropeTheta = "rope_theta", ropeParameters = "rope_parameters", ropeScaling = "rope_scaling"
        case maxPositions = "max_position_embeddings", tiesWordEmbeddings = "tie_word_embeddings"
        case attentionBias = "attention_bias", mlpBias = "mlp_bias", hiddenAct = "hidden_act", modelType = "model_type"
    }

    /// `rope_parameters` (5.x) or `rope_scaling` (4.x): `rope_type`/`type`, `rope_theta`, `factor`.
    struct RopeParameters: Codable {
        var rope_type: String?
        var type: String?
        var rope_theta: Float?
        var factor: Float?
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let type = try c.decodeIfPresent(String.self, forKey: .modelType), !["llama", "mistral"].contains(type) {
            throw ConfigFile.unsupported("model_type is \"\(type)\", not \"llama\"", fix: "load it with the matching model type")
        }
        let act = try c.decodeIfPresent(String.self, forKey: .hiddenAct) ?? "silu"
        guard act == "silu" else {
            throw ConfigFile.unsupported("hidden_act \"\(act)\" is not implemented", fix: "Llama models use \"silu\"")
        }
        let parameters = try c.decodeIfPresent(RopeParameters.self, forKey: .ropeParameters)
        let scaling = try c.decodeIfPresent(RopeParameters.self, forKey: .ropeScaling)
        let topTheta = try c.decodeIfPresent(Float.self, forKey: .ropeTheta)
        if let top = topTheta, let inner = parameters?.rope_theta, top != inner {
            throw ConfigFile.inconsistent("rope_theta is \(top) at the top level but \(inner) in rope_parameters",
                                          fix: "keep one value (transformers 5 reads rope_parameters)")
        }
        var factor: Float = 1
        for rope in [parameters, scaling].compactMap({ $0 }) {
            switch rope.rope_type ?? rope.type ?? "default" {
            case "default": break
            case "linear": factor = rope.factor ?? 1
            case let other:
                throw ConfigFile.unsupported("RoPE scaling \"\(other)\" is not implemented",
                                             fix: "supported: default and linear; remove rope_scaling only if you accept worse long-context quality")
            }
        }
        let heads = try c.decode(Int.self, forKey: .headCount)
        self.init(
            vocabularySize: try c.decode(Int.self, forKey: .vocabularySize),
            hiddenSize: try c.decode(Int.self, forKey: .hiddenSize),
            intermediateSize: try c.decode(Int.self, forKey: .intermediateSize),
            layerCount: try c.decode(Int.self, forKey: .layerCount),
            headCount: heads,
            keyValueHeadCount: try c.decodeIfPresent(Int.self, forKey: .keyValueHeadCount),
            headSize: try c.decodeIfPresent(Int.self, forKey: .headSize),
            rmsNormEpsilon: try c.decodeIfPresent(Float.self, forKey: .rmsNormEpsilon) ?? 1e-6,
            ropeTheta: topTheta ?? parameters?.rope_theta ?? 10_000,
            ropeScalingFactor: factor,
            maxPositions: try c.decodeIfPresent(Int.self, forKey: .maxPositions) ?? 2048,
            tiesWordEmbeddings: try c.decodeIfPresent(Bool.self, forKey: .tiesWordEmbeddings) ?? false,
            attentionBias: try c.decodeIfPresent(Bool.self, forKey: .attentionBias) ?? false,
            mlpBias: try c.decodeIfPresent(Bool.self, forKey: .mlpBias) ?? false)
        if try c.decodeIfPresent(Int.self, forKey: .headSize) == nil && hiddenSize % heads != 0 {
            throw ConfigFile.inconsistent("hidden_size \(hiddenSize) is not divisible by num_attention_heads \(heads)",
                                          fix: "set head_dim, or correct one of the two")
        }
        try validate()
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("llama", forKey: .modelType)
        try c.encode("silu", forKey: .hiddenAct)
        try c.encode(vocabularySize, forKey: .vocabularySize)
        try c.encode(hiddenSize, forKey: .hiddenSize)
        try c.encode(intermediateSize, forKey: .intermediateSize)
        try c.encode(layerCount, forKey: .layerCount)
        try c.encode(headCount, forKey: .headCount)
        try c.encode(keyValueHeadCount, forKey: .keyValueHeadCount)
        try c.encode(headSize, forKey: .headSize)
        try c.encode(rmsNormEpsilon, forKey: .rmsNormEpsilon)
        try c.encode(RopeParameters(rope_type: ropeScalingFactor == 1 ? "default" : "linear", rope_theta: ropeTheta,
                                    factor: ropeScalingFactor == 1 ? nil : ropeScalingFactor), forKey: .ropeParameters)
        try c.encode(maxPositions, forKey: .maxPositions)
        try c.encode(tiesWordEmbeddings, forKey: .tiesWordEmbeddings)
        try c.encode(attentionBias, forKey: .attentionBias)
        try c.encode(mlpBias, forKey: .mlpBias)
    }

    /// Checks that the numbers fit together.
    public func validate() throws(ModelFileError) {
        for (name, value) in [("vocab_size", vocabularySize), ("hidden_size", hiddenSize),
                              ("intermediate_size", intermediateSize), ("num_hidden_layers", layerCount),
                              ("num_attention_heads", headCount), ("num_key_value_heads", keyValueHeadCount),
                              ("head_dim", headSize)] where value <= 0 {
            throw ConfigFile.inconsistent("\(name) is \(value), it must be positive", fix: "correct the value")
        }
        guard headCount % keyValueHeadCount == 0 else {
            throw ConfigFile.inconsistent(
                "num_attention_heads \(headCount) is not a multiple of num_key_value_heads \(keyValueHeadCount)",
                fix: "each key/value head must serve the same number of query heads")
        }
        guard headSize % 2 == 0 else {
            throw ConfigFile.inconsistent("head_dim \(headSize) is odd", fix: "RoPE rotates pairs of dimensions; head_dim must be even")
        }
    }
}
