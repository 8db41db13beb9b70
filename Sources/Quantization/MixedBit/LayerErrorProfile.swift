import Autograd
import Transformers

/// How much one layer suffers at each candidate bit width: the first half of ExLlamaV2's
/// measurement pass. Every width is tried on a copy of the weights with GPTQ on the layer's own
/// calibration inputs, and the damage is recorded as the relative output error
///
/// ```
/// e(b) = ‖W Xᵀ − Ŵ_b Xᵀ‖²_F / ‖W Xᵀ‖²_F = Σ_rows δ H δᵀ / Σ_rows w H wᵀ
/// W, Ŵ_b [out, in]   X [n, in] (calibration inputs)   H = 2/n · XᵀX [in, in]   δ = w − ŵ_b
/// ```
///
/// (the `2/n` cancels, so the Hessian GPTQ already accumulates gives the ratio without keeping
/// `X`), together with the storage bits the width costs, scales and zero points included.
/// The ratio makes layers of different sizes and output scales comparable; ``BitAllocation``
/// then weighs each by its share of the model's weights.
public struct LayerErrorProfile: Sendable, Equatable {
    /// One candidate width for the layer.
    public struct Option: Sendable, Equatable {
        public let bits: Int
        /// Codes plus, per row and group, an fp16 scale and a `bits`-wide zero point.
        public let storageBits: Int
        /// `e(b)`, the relative output error on the calibration inputs.
        public let relativeError: Double

        public init(bits: Int, storageBits: Int, relativeError: Double) {
            (self.bits, self.storageBits, self.relativeError) = (bits, storageBits, relativeError)
        }
    }

    public let name: String
    /// `out × in`, the weights the options store.
    public let weightCount: Int
    /// In the order of the widths asked for.
    public let options: [Option]

    public init(name: String, weightCount: Int, options: [Option]) {
        (self.name, self.weightCount, self.options) = (name, weightCount, options)
    }

    /// Storage of an `[rows, columns]` matrix at `bits` per code with one fp16 scale and one
    /// `bits`-wide zero point per row and group (`groupSize` nil = one group per row), the
    /// accounting of ``ModelQuantizer/storageBytes(_:bits:groupSize:)``, in bits.
    public static func storageBits(rows: Int, columns: Int, bits: Int, groupSize: Int?) -> Int {
        let groups = rows * (columns / (groupSize ?? columns))
        return rows * columns * bits + groups * (16 + bits)
    }

    // ANCHOR: measure-layer
    /// Profiles one weight matrix `[rows, columns]` (`nn.Linear` layout) with its Hessian
    /// `H = 2/n · XᵀX`: GPTQ at each width in `widths` (the other settings, group size
    /// included, from `base`), then `e(b)` from `H`.
    public static func measure(name: String, weight: [Double], rows: Int, columns: Int, hessian: [Double],
                               widths: [Int], base: GPTQConfiguration = GPTQConfiguration()) throws -> LayerErrorProfile {
        guard !widths.isEmpty else { throw QuantizationError.invalidSetting("a profile needs at least one bit width") }
        let reference = quadraticForm(weight, rows: rows, columns: columns, hessian: hessian)
        guard reference > 0 else { throw QuantizationError.invalidSetting("layer \(name) has zero output on the calibration inputs") }
        let options = try widths.map { bits in
            var configuration = base
            configuration.bits = bits
            let q = try GPTQ.quantize(weight: weight, rows: rows, columns: columns, hessian: hessian, configuration: configuration)
            let delta = zip(weight, q.dequantized).map { $0 - $1 }
            return Option(bits: bits, storageBits: storageBits(rows: rows, columns: columns, bits: bits, groupSize: base.groupSize),
                          relativeError: quadraticForm(delta, rows: rows, columns: columns, hessian: hessian) / reference)
        }
        return LayerErrorProfile(name: name, weightCount: rows * columns, options: options)
    }
    // ANCHOR_END: measure-layer

    /// Profiles every block layer of `model`. All Hessians come from one pass of the calibration
    /// sequences through the unquantized model, so each layer is judged on its own (ExLlamaV2
    /// likewise measures every layer against the original model's states).
    public static func measure(_ model: any LanguageModel, calibration: [[Int]], widths: [Int],
                               base: GPTQConfiguration = GPTQConfiguration()) throws -> [LayerErrorProfile] {
        guard !calibration.isEmpty else { throw QuantizationError.invalidSetting("a profile needs at least one calibration sequence") }
        let layers = Array(QuantizableLayer.blocks(of: model).joined())
        let recorders = layers.map { InputRecorder(inFeatures: $0.inFeatures, outFeatures: $0.outFeatures) }
        for (layer, recorder) in zip(layers, recorders) { layer.install(recorder) }
        withNoGrad { for ids in calibration { _ = model(ids) } }
        for layer in layers { layer.install(nil) }
        return try zip(layers, recorders).map { layer, recorder in
            if let failure = recorder.failure { throw failure }
            return try measure(name: layer.name, weight: layer.weight.map(Double.init), rows: layer.outFeatures,
                               columns: layer.inFeatures, hessian: recorder.hessian.hessian, widths: widths, base: base)
        }
    }

    /// `Σ_rows m H mᵀ` for `m [rows, columns]`: the squared output norm `‖m Xᵀ‖²` times `2/n`.
    static func quadraticForm(_ m: [Double], rows: Int, columns: Int, hessian h: [Double]) -> Double {
        var total = 0.0
        var hm = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            let row = r * columns
            for i in 0..<columns {
                var s = 0.0
                for j in 0..<columns { s += h[i * columns + j] * m[row + j] }
                hm[i] = s
            }
            for i in 0..<columns { total += m[row + i] * hm[i] }
        }
        return total
    }
}
