import Autograd
import NeuralNets
import Tensors
import Transformers

/// One linear layer of a model, seen in `nn.Linear` orientation (`[out, in]`, one row per output)
/// whatever its storage: GPT-2's ``Conv1D`` keeps `[in, out]`, Llama's ``Projection`` `[out, in]`.
public struct QuantizableLayer {
    public let name: String
    public let inFeatures: Int
    public let outFeatures: Int
    let read: () -> [Float]
    let write: ([Float]) -> Void
    let setAdapter: ((any ProjectionAdapter)?) -> Void

    /// The weights `[out, in]` row-major.
    public var weight: [Float] { read() }
    /// Replaces the weights (`[out, in]` row-major).
    public func setWeight(_ w: [Float]) { write(w) }
    /// Installs (or removes) an extra path on the layer's output, e.g. an input recorder.
    public func install(_ adapter: (any ProjectionAdapter)?) { setAdapter(adapter) }

    init(name: String, _ layer: Conv1D) {
        let (i, o) = (layer.weight.shape[0], layer.weight.shape[1])
        (self.name, inFeatures, outFeatures) = (name, i, o)
        read = { transpose(layer.weight.value.scalars, rows: i, columns: o) }
        write = { layer.weight.value = Tensor(shape: [i, o], scalars: transpose($0, rows: o, columns: i)) }
        setAdapter = { layer.adapter = $0 }
    }

    init(name: String, _ layer: Projection) {
        let (o, i) = (layer.weight.shape[0], layer.weight.shape[1])
        (self.name, inFeatures, outFeatures) = (name, i, o)
        read = { layer.weight.value.scalars }
        write = { layer.weight.value = Tensor(shape: [o, i], scalars: $0) }
        setAdapter = { layer.adapter = $0 }
    }

    /// The linear layers of each transformer block, in block order (embeddings and the output
    /// head stay in floating point, as in the GPTQ paper).
    public static func blocks(of model: any LanguageModel) -> [[QuantizableLayer]] {
        if let gpt2 = model as? GPT2Model {
            return gpt2.transformer.h.enumerated().map { n, b in
                [QuantizableLayer(name: "h.\(n).attn.c_attn", b.attn.c_attn), QuantizableLayer(name: "h.\(n).attn.c_proj", b.attn.c_proj),
                 QuantizableLayer(name: "h.\(n).mlp.c_fc", b.mlp.c_fc), QuantizableLayer(name: "h.\(n).mlp.c_proj", b.mlp.c_proj)]
            }
        }
        if let llama = model as? LlamaModel {
            return llama.model.layers.enumerated().map { n, l in
                let a = l.self_attn, m = l.mlp
                return [("q_proj", a.q_proj), ("k_proj", a.k_proj), ("v_proj", a.v_proj), ("o_proj", a.o_proj)].map {
                    QuantizableLayer(name: "layers.\(n).self_attn.\($0.0)", $0.1)
                } + [("gate_proj", m.gate_proj), ("up_proj", m.up_proj), ("down_proj", m.down_proj)].map {
                    QuantizableLayer(name: "layers.\(n).mlp.\($0.0)", $0.1)
                }
            }
        }
        return []
    }
}

func transpose<T>(_ m: [T], rows: Int, columns: Int) -> [T] {
    var out = m
    for i in 0..<rows { for j in 0..<columns { out[j * rows + i] = m[i * columns + j] } }
    return out
}

/// Records the inputs a layer sees (as rows of width `in`) and adds nothing to its output.
final class InputRecorder: ProjectionAdapter {
    let outFeatures: Int
    var hessian: HessianAccumulator
    var failure: Error?

    init(inFeatures: Int, outFeatures: Int) {
        self.outFeatures = outFeatures
        hessian = HessianAccumulator(width: inFeatures)
    }

    func callAsFunction(_ x: Variable) -> Variable {
        do { try hessian.add(x.value.scalars) } catch { failure = error }
        return Variable(.zeros(Array(x.shape.dropLast()) + [outFeatures]))
    }
}

/// LLM.int8() at inference: adds `int8 mixed product − float product` to the layer's output,
/// so the layer computes the mixed-precision product (plus its bias).
final class LLMInt8Adapter: ProjectionAdapter {
    let weight: Tensor   // [out, in]
    let threshold: Float
    var outlierColumns = Set<Int>()

    init(weight: Tensor, threshold: Float) { (self.weight, self.threshold) = (weight, threshold) }

    func callAsFunction(_ x: Variable) -> Variable {
        let k = x.shape.last!, rows = x.value.count / k
        let flat = x.value.reshaped([rows, k])
        guard let mixed = try? LLMInt8Product(flat, weight: weight, threshold: threshold) else { return Variable(.zeros(Array(x.shape.dropLast()) + [weight.shape[0]])) }
        outlierColumns.formUnion(mixed.outlierColumns)
        let exact = flat.matmul(weight, transposeOther: true)
        let correction = zip(mixed.output.scalars, exact.scalars).map { $0 - $1 }
        return Variable(Tensor(shape: Array(x.shape.dropLast()) + [weight.shape[0]], scalars: correction))
    }
}
