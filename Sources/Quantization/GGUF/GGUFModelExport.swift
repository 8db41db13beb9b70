import Autograd
import NeuralNets
import Tensors
import Transformers

/// Writes the course's GPT-2 and Llama models as GGUF files in llama.cpp's conventions:
/// its tensor names (`blk.0.attn_q.weight`…), `[out, in]` matrices, Llama's query/key rows
/// reordered from Hugging Face's `rotate_half` layout to interleaved pairs, and the metadata
/// llama.cpp reads (architecture hyper-parameters and the byte-level BPE tokenizer).
///
/// Matrices are stored as `matrixType` (Q4_0, Q8_0, F16 or F32); a matrix whose row length is
/// not a multiple of 32 falls back to F16, and vectors (norms, biases) stay F32, as llama.cpp does.
public enum GGUFModelExport {
    public static func file(_ model: GPT2Model, tokenizer: BytePairTokenizer?, matrixType: GGMLTensorType, name: String = "gpt2") throws -> GGUFFile {
        let c = model.config
        var meta: [(key: String, value: GGUFValue)] = [
            ("general.architecture", .string("gpt2")), ("general.name", .string(name)),
            ("gpt2.context_length", .uint32(UInt32(c.contextLength))),
            ("gpt2.embedding_length", .uint32(UInt32(c.embeddingSize))),
            ("gpt2.feed_forward_length", .uint32(UInt32(c.innerSize))),
            ("gpt2.block_count", .uint32(UInt32(c.layerCount))),
            ("gpt2.attention.head_count", .uint32(UInt32(c.headCount))),
            ("gpt2.attention.layer_norm_epsilon", .float32(c.layerNormEpsilon)),
        ]
        if let tokenizer { meta += tokenizerMetadata(tokenizer) }
        var tensors: [GGUFTensor] = []
        for (hfName, parameter) in model.namedParameters() {
            guard let name = gpt2Name(hfName) else { continue }
            var value = parameter.value
            // Conv1D stores [in, out]; llama.cpp wants nn.Linear's [out, in].
            if value.rank == 2 && hfName.contains(".attn.") || value.rank == 2 && hfName.contains(".mlp.") { value = transposed(value) }
            tensors.append(try tensor(name, value, matrixType: matrixType))
        }
        return GGUFFile(metadata: meta, tensors: tensors)
    }

    public static func file(_ model: LlamaModel, tokenizer: BytePairTokenizer?, matrixType: GGMLTensorType, name: String = "llama") throws -> GGUFFile {
        let c = model.config
        var meta: [(key: String, value: GGUFValue)] = [
            ("general.architecture", .string("llama")), ("general.name", .string(name)),
            ("llama.context_length", .uint32(UInt32(c.maxPositions))),
            ("llama.embedding_length", .uint32(UInt32(c.hiddenSize))),
            ("llama.feed_forward_length", .uint32(UInt32(c.intermediateSize))),
            ("llama.block_count", .uint32(UInt32(c.layerCount))),
            ("llama.attention.head_count", .uint32(UInt32(c.headCount))),
            ("llama.attention.head_count_kv", .uint32(UInt32(c.keyValueHeadCount))),
            ("llama.attention.key_length", .uint32(UInt32(c.headSize))),
            ("llama.attention.value_length", .uint32(UInt32(c.headSize))),
            ("llama.attention.layer_norm_rms_epsilon", .float32(c.rmsNormEpsilon)),
            ("llama.rope.freq_base", .float32(c.ropeTheta)),
            ("llama.rope.dimension_count", .uint32(UInt32(c.headSize))),
            ("llama.vocab_size", .uint32(UInt32(c.vocabularySize))),
        ]
        if let tokenizer { meta += tokenizerMetadata(tokenizer) }
        var tensors: [GGUFTensor] = []
        for (hfName, parameter) in model.namedParameters() {
            guard let name = llamaName(hfName) else { continue }
            var value = parameter.value
            if hfName.hasSuffix("q_proj.weight") { value = interleaveRotaryRows(value, heads: c.headCount) }
            if hfName.hasSuffix("k_proj.weight") { value = interleaveRotaryRows(value, heads: c.keyValueHeadCount) }
            tensors.append(try tensor(name, value, matrixType: matrixType))
        }
        return GGUFFile(metadata: meta, tensors: tensors)
    }

    /// `tokenizer.ggml.*`: the "gpt2" (byte-level BPE) model, tokens, types, merges, bos/eos.
    public static func tokenizerMetadata(_ t: BytePairTokenizer) -> [(key: String, value: GGUFValue)] {
        let tokens = (0..<t.vocabularySize).map { t.token(for: $0) ?? "[UNUSED_\($0)]" }
        let special = Set(t.specialTokens.values)
        let types = (0..<t.vocabularySize).map { Int32(special.contains($0) ? 3 : 1) }   // 1 normal, 3 control
        let merges = t.mergeList.map { "\(t.token(for: $0.left) ?? "") \(t.token(for: $0.right) ?? "")" }
        var meta: [(key: String, value: GGUFValue)] = [
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.tokens", .strings(tokens)),
            ("tokenizer.ggml.token_type", .int32s(types)),
            ("tokenizer.ggml.merges", .strings(merges)),
        ]
        if let eos = t.specialTokens["<|endoftext|>"] ?? t.specialTokens.values.min() {
            meta += [("tokenizer.ggml.bos_token_id", .uint32(UInt32(eos))), ("tokenizer.ggml.eos_token_id", .uint32(UInt32(eos)))]
        }
        return meta
    }

    static func tensor(_ name: String, _ value: Tensor, matrixType: GGMLTensorType) throws -> GGUFTensor {
        var type = value.rank >= 2 ? matrixType : .f32
        if (value.shape.last ?? 1) % type.blockSize != 0 { type = .f16 }
        return try GGUFTensor(name: name, shape: value.shape, values: value.scalars, type: type)
    }

    static func gpt2Name(_ hf: String) -> String? {
        let n = hf.hasPrefix("transformer.") ? String(hf.dropFirst("transformer.".count)) : hf
        let fixed = ["wte.weight": "token_embd.weight", "wpe.weight": "position_embd.weight",
                     "ln_f.weight": "output_norm.weight", "ln_f.bias": "output_norm.bias", "lm_head.weight": "output.weight"]
        if let f = fixed[n] { return f }
        let parts = n.split(separator: ".", maxSplits: 2).map(String.init)
        guard parts.count == 3, parts[0] == "h" else { return nil }
        let map = ["ln_1": "attn_norm", "attn.c_attn": "attn_qkv", "attn.c_proj": "attn_output", "ln_2": "ffn_norm",
                   "mlp.c_fc": "ffn_up", "mlp.c_proj": "ffn_down"]
        let leaf = parts[2]
        guard let dot = leaf.lastIndex(of: "."), let mapped = map[String(leaf[..<dot])] else { return nil }
        return "blk.\(parts[1]).\(mapped)\(leaf[dot...])"
    }

    static func llamaName(_ hf: String) -> String? {
        let fixed = ["model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight", "lm_head.weight": "output.weight"]
        if let f = fixed[hf] { return f }
        let parts = hf.split(separator: ".", maxSplits: 3).map(String.init)
        guard parts.count == 4, parts[0] == "model", parts[1] == "layers" else { return nil }
        let map = ["input_layernorm": "attn_norm", "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
                   "self_attn.o_proj": "attn_output", "post_attention_layernorm": "ffn_norm", "mlp.gate_proj": "ffn_gate",
                   "mlp.up_proj": "ffn_up", "mlp.down_proj": "ffn_down"]
        let leaf = parts[3]
        guard let dot = leaf.lastIndex(of: "."), let mapped = map[String(leaf[..<dot])] else { return nil }
        return "blk.\(parts[2]).\(mapped)\(leaf[dot...])"
    }

    /// Hugging Face orders each head's query/key rows as [first halves | second halves]
    /// (`rotate_half`); llama.cpp's RoPE rotates adjacent pairs. Row `(h, s, i)` → `(h, i, s)`.
    static func interleaveRotaryRows(_ w: Tensor, heads: Int, inverse: Bool = false) -> Tensor {
        let (rows, k) = (w.shape[0], w.shape[1])
        let half = rows / heads / 2
        return Tensor(shape: w.shape) { out in
            for h in 0..<heads { for s in 0..<2 { for i in 0..<half {
                var (from, to) = (h * 2 * half + s * half + i, h * 2 * half + i * 2 + s)
                if inverse { swap(&from, &to) }
                for j in 0..<k { out[to * k + j] = w.scalars[from * k + j] }
            } } }
        }
    }

    static func transposed(_ m: Tensor) -> Tensor {
        let (r, c) = (m.shape[0], m.shape[1])
        return Tensor(shape: [c, r]) { out in for i in 0..<r { for j in 0..<c { out[j * r + i] = m.scalars[i * c + j] } } }
    }
}

extension GGUFModelExport {
    /// The GGUF file of a GPT-2 or Llama model, whichever `model` is.
    public static func file(_ model: any LanguageModel, tokenizer: BytePairTokenizer?, matrixType: GGMLTensorType, name: String) throws -> GGUFFile {
        switch model {
        case let gpt2 as GPT2Model: return try file(gpt2, tokenizer: tokenizer, matrixType: matrixType, name: name)
        case let llama as LlamaModel: return try file(llama, tokenizer: tokenizer, matrixType: matrixType, name: name)
        default: throw QuantizationError.shapeMismatch("GGUF export knows GPT-2 and Llama models only")
        }
    }

    /// Loads `file`'s weights back into `model` (dequantized), whichever architecture it is.
    public static func restore(_ file: GGUFFile, into model: any LanguageModel) throws {
        switch model {
        case let gpt2 as GPT2Model: try GGUFModelImport.load(file, into: gpt2)
        case let llama as LlamaModel: try GGUFModelImport.load(file, into: llama)
        default: throw QuantizationError.shapeMismatch("GGUF import knows GPT-2 and Llama models only")
        }
    }

    /// Tensors per storage type and the stored bits per value of the matrices (scales included).
    public static func summary(_ file: GGUFFile) -> (counts: [GGMLTensorType: Int], matrixBitsPerWeight: Double) {
        var counts: [GGMLTensorType: Int] = [:]
        var bits = 0, values = 0
        for t in file.tensors {
            counts[t.type, default: 0] += 1
            if t.shape.count >= 2 { bits += t.data.count * 8; values += t.valueCount }
        }
        return (counts, values > 0 ? Double(bits) / Double(values) : 0)
    }
}
