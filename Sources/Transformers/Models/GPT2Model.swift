import Foundation
import Autograd
import NeuralNets
import Tensors

/// GPT-2 (Radford et al. 2019) with Hugging Face's parameter names, so a `model.safetensors`
/// from the Hub loads by name.
///
/// ```
/// ids [B, T] → wte(ids) + wpe(positions)                          [B, T, C]
///   each of n_layer blocks:  x = x + attn(ln_1(x));  x = x + mlp(ln_2(x))
/// → ln_f → · wteᵀ (tied lm_head)                                  [B, T, V]
/// ```
///
/// Attention is multi-head and causal, with learned absolute positions; the MLP is
/// `c_proj(gelu(c_fc(x)))` with hidden width 4C. Projections are ``Conv1D`` (`[in, out]` weights).
///
/// ```swift
/// let model = try GPT2Model(directory: URL(fileURLWithPath: "gpt2"))   // config.json + model.safetensors
/// let logits = withNoGrad { model(tokenizer.encode("Hello")) }          // [1, T, 50257]
/// ```
public final class GPT2Model: LanguageModel {
    public let config: GPT2Config
    public let transformer: Body
    /// The output projection `[V, C]` when not tied to the token embedding.
    public let lmHead: Variable?

    /// A randomly initialized model (weights `N(0, 0.02)`, residual projections scaled by
    /// `1/√(2·n_layer)` as in GPT-2), reproducible from `seed`.
    public init(config: GPT2Config, seed: UInt64 = 0) {
        var rng = SplitMix64(seed: seed)
        self.config = config
        transformer = Body(config: config, rng: &rng)
        lmHead = config.tiesWordEmbeddings
            ? nil : Variable(.normal([config.vocabularySize, config.embeddingSize], std: 0.02, using: &rng), requiresGrad: true)
    }

    public var children: [(name: String, module: any Module)] { [("transformer", transformer)] }
    public var ownParameters: [(name: String, parameter: Variable)] { lmHead.map { [("lm_head.weight", $0)] } ?? [] }

    public var vocabularySize: Int { config.vocabularySize }
    public var layerCount: Int { config.layerCount }
    public var contextLength: Int { config.contextLength }

    // ANCHOR: gpt2-forward
    public func hiddenStates(_ ids: [Int], batchSize: Int = 1, cache: KVCache? = nil) -> Variable {
        precondition(batchSize > 0 && ids.count % batchSize == 0, "GPT2Model: \(ids.count) ids do not split into \(batchSize) rows")
        let length = ids.count / batchSize
        let start = cache?.length ?? 0
        precondition(start + length <= config.contextLength,
                     "GPT2Model: positions up to \(start + length) exceed n_positions \(config.contextLength)")
        precondition(ids.allSatisfy { (0..<config.vocabularySize).contains($0) }, "GPT2Model: token id outside 0..<\(config.vocabularySize)")
        let positions = (0..<batchSize).flatMap { _ in start..<(start + length) }
        var x = transformer.wte(ids, shape: [batchSize, length]) + transformer.wpe(positions, shape: [batchSize, length])
        for (index, block) in transformer.h.enumerated() { x = block(x, layer: index, cache: cache) }
        return transformer.ln_f(x)  // [B, T, C]
    }

    public func logits(_ ids: [Int], batchSize: Int = 1, cache: KVCache? = nil) -> Variable {
        outputProjection(hiddenStates(ids, batchSize: batchSize, cache: cache), tiedTo: lmHead ?? transformer.wte.weight)  // [B, T, V]
    }
    // ANCHOR_END: gpt2-forward

    /// `transformer.*`: embeddings, blocks, final norm.
    public final class Body: Module {
        public let wte: Embedding
        public let wpe: Embedding
        public let h: [Block]
        public let ln_f: LayerNorm

        init(config: GPT2Config, rng: inout SplitMix64) {
            wte = Embedding(weight: .normal([config.vocabularySize, config.embeddingSize], std: 0.02, using: &rng))
            wpe = Embedding(weight: .normal([config.contextLength, config.embeddingSize], std: 0.01, using: &rng))
            h = (0..<config.layerCount).map { _ in Block(config: config, rng: &rng) }
            ln_f = LayerNorm(config.embeddingSize, epsilon: config.layerNormEpsilon)
        }

        public var children: [(name: String, module: any Module)] {
            [("wte", wte), ("wpe", wpe)] + h.enumerated().map { ("h.\($0.offset)", $0.element) } + [("ln_f", ln_f)]
        }
    }

    /// One pre-norm transformer block.
    public final class Block: Module {
        public let ln_1: LayerNorm
        public let attn: Attention
        public let ln_2: LayerNorm
        public let mlp: MLP

        init(config: GPT2Config, rng: inout SplitMix64) {
            ln_1 = LayerNorm(config.embeddingSize, epsilon: config.layerNormEpsilon)
            attn = Attention(config: config, rng: &rng)
            ln_2 = LayerNorm(config.embeddingSize, epsilon: config.layerNormEpsilon)
            mlp = MLP(config: config, rng: &rng)
        }

        public var children: [(name: String, module: any Module)] {
            [("ln_1", ln_1), ("attn", attn), ("ln_2", ln_2), ("mlp", mlp)]
        }

        func callAsFunction(_ x: Variable, layer: Int, cache: KVCache?) -> Variable {
            let h = x + attn(ln_1(x), layer: layer, cache: cache)
            return h + mlp(ln_2(h))
        }
    }

    /// Causal multi-head self-attention; `c_attn` makes q, k and v in one product.
    public final class Attention: Module {
        public let c_attn: Conv1D
        public let c_proj: Conv1D
        let heads: Int

        init(config: GPT2Config, rng: inout SplitMix64) {
            let c = config.embeddingSize
            c_attn = Conv1D(inFeatures: c, outFeatures: 3 * c, rng: &rng)
            c_proj = Conv1D(inFeatures: c, outFeatures: c, std: 0.02 / Float(2 * config.layerCount).squareRoot(), rng: &rng)
            heads = config.headCount
        }

        public var children: [(name: String, module: any Module)] { [("c_attn", c_attn), ("c_proj", c_proj)] }

        func callAsFunction(_ x: Variable, layer: Int, cache: KVCache?) -> Variable {
            let c = x.shape[2], headSize = c / heads
            // Without a cache (training, a whole prompt) one fused node reads q, k and v in place;
            // the split/permute chain below computes the same and is what a cache needs.
            if cache == nil { return c_proj(fusedCausalSelfAttention(c_attn(x), heads: heads)) }
            let qkv = c_attn(x).split(sizes: [c, c, c], axis: -1)              // 3 × [B, T, C]
            let q = splitHeads(qkv[0], heads: heads, headSize: headSize)      // [B, H, T, d]
            var k = splitHeads(qkv[1], heads: heads, headSize: headSize)
            var v = splitHeads(qkv[2], heads: heads, headSize: headSize)
            if let cache { (k, v) = cache.append(layer: layer, key: k, value: v) }
            return c_proj(mergeHeads(scaledDotProductAttention(query: q, key: k, value: v)))
        }
    }

    /// `c_proj(activation(c_fc(x)))`.
    public final class MLP: Module {
        public let c_fc: Conv1D
        public let c_proj: Conv1D
        let activation: Activation

        init(config: GPT2Config, rng: inout SplitMix64) {
            c_fc = Conv1D(inFeatures: config.embeddingSize, outFeatures: config.innerSize, rng: &rng)
            c_proj = Conv1D(inFeatures: config.innerSize, outFeatures: config.embeddingSize,
                            std: 0.02 / Float(2 * config.layerCount).squareRoot(), rng: &rng)
            activation = config.activation
        }

        public var children: [(name: String, module: any Module)] { [("c_fc", c_fc), ("c_proj", c_proj)] }

        func callAsFunction(_ x: Variable) -> Variable { c_proj(c_fc(x, activation: activation)) }
    }
}
