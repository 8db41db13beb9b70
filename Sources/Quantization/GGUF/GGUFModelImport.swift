import Autograd
import NeuralNets
import Tensors
import Transformers

/// Loads the weights of a GGUF file written by ``GGUFModelExport`` back into a model of the same
/// configuration (dequantizing Q8_0/Q4_0), undoing the export's transposes and row reordering.
public enum GGUFModelImport {
    public static func load(_ file: GGUFFile, into model: GPT2Model) throws {
        for (hfName, parameter) in model.namedParameters() {
            guard let name = GGUFModelExport.gpt2Name(hfName) else { continue }
            var value = try tensor(file, name, count: parameter.value.count)
            let conv = parameter.value.rank == 2 && (hfName.contains(".attn.") || hfName.contains(".mlp."))
            if conv { value = transpose(value, rows: parameter.shape[1], columns: parameter.shape[0]) }
            parameter.value = Tensor(shape: parameter.shape, scalars: value)
        }
    }

    public static func load(_ file: GGUFFile, into model: LlamaModel) throws {
        let c = model.config
        for (hfName, parameter) in model.namedParameters() {
            guard let name = GGUFModelExport.llamaName(hfName) else { continue }
            var value = Tensor(shape: parameter.shape, scalars: try tensor(file, name, count: parameter.value.count))
            if hfName.hasSuffix("q_proj.weight") { value = GGUFModelExport.interleaveRotaryRows(value, heads: c.headCount, inverse: true) }
            if hfName.hasSuffix("k_proj.weight") { value = GGUFModelExport.interleaveRotaryRows(value, heads: c.keyValueHeadCount, inverse: true) }
            parameter.value = value
        }
    }

    static func tensor(_ file: GGUFFile, _ name: String, count: Int) throws -> [Float] {
        guard let t = file.tensor(named: name) else {
            throw QuantizationError.shapeMismatch("the GGUF file has no tensor \"\(name)\"; was it written for this architecture?")
        }
        guard t.valueCount == count else {
            throw QuantizationError.shapeMismatch("GGUF tensor \(name) holds \(t.valueCount) values, the model expects \(count); the configurations differ")
        }
        return t.values()
    }
}
