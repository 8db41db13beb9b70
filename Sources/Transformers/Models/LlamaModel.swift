import Foundation
import Autograd
import NeuralNets
import Tensors

/// The Llama architecture (Touvron et al. 2023) — also SmolLM, TinyLlama and Mistral-style
/// models without sliding windows — with Hugging Face's parameter names.
///
/// ```
/// ids [B, T] → embed_tokens                                         [B, T, C]
///   each layer:  x = x + self_attn(RMSNorm(x));  x = x + mlp(RMSNorm(x))
/// → norm → lm_head (or · embed_tokensᵀ when tied)                    [B, T, V]
/// ```
///
/// Differences from GPT-2: RMSNorm without bias; no position table — RoPE rotates queries and
/// keys; grouped-query attention (`num_key_value_heads` ≤ `num_attention_heads`); a SwiGLU MLP
/// `down_proj(silu(gate_proj(x)) ⊙ up_proj(x))`; no biases by default.
///
/// ```swift
/// let model = try LlamaModel(directory: URL(fileURLWithPath: "SmolLM-135M"))
/// let logits = withNoGrad { model(tokenizer.encode("Gravity is")) }
/// ```
public final class LlamaModel: LanguageModel {
    public let config: LlamaConfig
    public let model: Body
    public let lmHead: Projection?
    let rope: RotaryEmbedding

    /// A randomly initialized model (`N(0, 0.02)` weights), reproducible from `seed`.
    public init(config: LlamaConfig, seed: UInt64 = 0) {
        var rng = SplitMix64(seed: seed)
        self.config = config
        model = Body(config: config, rng: &rng)
        lmHead = config.tiesWordEmbeddings
            ? nil : Projection(inFeatures: config.hiddenSize, outFeatures: config.vocabularySize, rng: &rng)
        rope = RotaryEmbedding(headSize: config.headSize, base: config.ropeTheta, scalingFactor: config.ropeScalingFactor)
    }

    public var children: [(name: String, module: any Module)] {
        [("model", model)] + (lmHead.map { [("lm_head", $0)] } ?? [])
    }

    public var vocabularySize: Int { config.vocabularySize }
    public var layerCount: Int { config.layerCount }
    public var contextLength: Int { config.maxPositions }

    // ANCHOR: llama-forward
    public func hiddenStates(_ ids: [Int], batchSize: Int = 1, cache: KVCache? = nil) -> Variable {
        precondition(batchSize > 0 && ids.count % batchSize == 0, "LlamaModel: \(ids.count) ids do not split into \(batchSize) rows")
        precondition(ids.allSatisfy { (0..<config.vocabularySize).contains($0) }, "LlamaModel: token id outside 0..<\(config.vocabularySize)")
        let length = ids.count / batchSize
        let start = cache?.length ?? 0
        var x = model.embed_tokens(ids, shape: [batchSize, length])
        for (index, layer) in model.layers.enumerated() {
            x = layer(x, layer: index, positionOffset: start, rope: rope, cache: cache)
        }
        return model.norm(x)  // [B, T, C]
    }

    public func logits(_ ids: [Int], batchSize: Int = 1, cache: KVCache? = nil) -> Variable {
        let x = hiddenStates(ids, batchSize: batchSize, cache: cache)
        if let lmHead { return lmHead(x) }
        return outputProjection(x, tiedTo: model.embed_tokens.weight)  // [B, T, V]
    }
    // ANCHOR_END: llama-forward

    /// `model.*`: embedding, layers, final norm.
    public final class Body: Module {
        public let embed_tokens: Embedding
        public let layers: [DecoderLayer]
        public let norm: RMSNorm

        init(config: LlamaConfig, rng: inout SplitMix64) {
            embed_tokens = Embedding(weight: .normal([config.vocabularySize, config.hiddenSize], std: 0.02, using: &rng))
            layers = (0..<config.layerCount).map { _ in DecoderLayer(config: config, rng: &rng) }
            norm = RMSNorm(config.hiddenSize, epsilon: config.rmsNormEpsilon)
        }

        public var children: [(name: String, module: any Module)] {
            [("embed_tokens", embed_tokens)] + layers.enumerated().map { ("layers.\($0.offset)", $0.element) } + [("norm", norm)]
        }
    }

    /// One pre-norm decoder layer.
    public final class DecoderLayer: Module {
        public let input_layernorm: RMSNorm
        public let self_attn: Attention
        public let post_attention_layernorm: RMSNorm
        public let mlp: MLP

        init(config: LlamaConfig, rng: inout SplitMix64) {
            input_layernorm = RMSNorm(config.hiddenSize, epsilon: config.rmsNormEpsilon)
            self_attn = Attention(config: config, rng: &rng)
            post_attention_layernorm = RMSNorm(config.hiddenSize, epsilon: config.rmsNormEpsilon)
            mlp = MLP(config: config, rng: &rng)
        }

        public var children: [(name: String, module: any Module)] {
            [("input_layernorm", input_layernorm), ("self_attn", self_attn),
             ("post_attention_layernorm", post_attention_layernorm), ("mlp", mlp)]
        }

        func callAsFunction(_ x: Variable, layer: Int, positionOffset: Int, rope: RotaryEmbedding, cache: KVCache?) -> Variable {
            let h = x + self_attn(input_layernorm(x), layer: layer, positionOffset: positionOffset, rope: rope, cache: cache)
            return h + mlp(post_attention_layernorm(h))
        }
    }

    /// Grouped-query self-attention with RoPE on queries and keys.
    public final class Attention: Module {
        public let q_proj: Projection
        public let k_proj: Projection
        public let v_proj: Projection
        public let o_proj: Projection
        let heads: Int, keyValueHeads: Int, headSize: Int

        init(config: LlamaConfig, rng: inout SplitMix64) {
            let (c, d, bias) = (config.hiddenSize, config.headSize, config.attentionBias)
            heads = config.headCount
            keyValueHeads = config.keyValueHeadCount
            headSize = d
            q_proj = Projection(inFeatures: c, outFeatures: heads * d, bias: bias, rng: &rng)
            k_proj = Projection(inFeatures: c, outFeatures: keyValueHeads * d, bias: bias, rng: &rng)
            v_proj = Projection(inFeatures: c, outFeatures: keyValueHeads * d, bias: bias, rng: &rng)
            o_proj = Projection(inFeatures: heads * d, outFeatures: c, bias: bias, rng: &rng)
        }

        public var children: [(name: String, module: any Module)] {
            [("q_proj", q_proj), ("k_proj", k_proj), ("v_proj", v_proj), ("o_proj", o_proj)]
        }

        func callAsFunction(_ x: Variable, layer: Int, positionOffset: Int, rope: RotaryEmbedding, cache: KVCache?) -> Variable {
            let q = rope(splitHeads(q_proj(x), heads: heads, headSize: headSize), offset: positionOffset)          // [B, H, T, d]
            var k = rope(splitHeads(k_proj(x), heads: keyValueHeads, headSize: headSize), offset: positionOffset)  // [B, Hkv, T, d]
            var v = splitHeads(v_proj(x), heads: keyValueHeads, headSize: headSize)
            if let cache { (k, v) = cache.append(layer: layer, key: k, value: v) }
            return o_proj(mergeHeads(scaledDotProductAttention(query: q, key: k, value: v)))
        }
    }

    /// SwiGLU: `down_proj(silu(gate_proj(x)) ⊙ up_proj(x))`.
    public final class MLP: Module {
        public let gate_proj: Projection
        public let up_proj: Projection
        public let down_proj: Projection

        init(config: LlamaConfig, rng: inout SplitMix64) {
            let (c, i, bias) = (config.hiddenSize, config.intermediateSize, config.mlpBias)
            gate_proj = Projection(inFeatures: c, outFeatures: i, bias: bias, rng: &rng)
            up_proj = Projection(inFeatures: c, outFeatures: i, bias: bias, rng: &rng)
            down_proj = Projection(inFeatures: i, outFeatures: c, bias: bias, rng: &rng)
        }

        public var children: [(name: String, module: any Module)] {
            [("gate_proj", gate_proj), ("up_proj", up_proj), ("down_proj", down_proj)]
        }

        func callAsFunction(_ x: Variable) -> Variable {
            down_proj(gate_proj(x, activation: .silu) * up_proj(x))
        }
    }
}
