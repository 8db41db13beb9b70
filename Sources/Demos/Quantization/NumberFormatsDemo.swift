import Figures
import Foundation
import Quantization
import Tensors
import Transformers

/// How one number looks in FP32, FP16, BF16 and INT8; absmax and zero-point on a small vector;
/// error statistics by granularity and bit width on a real weight matrix; a histogram of errors.
enum NumberFormatsDemo {
    static let demo = Demo(
        id: "quantization-formats",
        summary: "Bits of FP32/FP16/BF16/INT8, absmax vs zero-point, errors per tensor/row/group, an error histogram",
        inputs: QuantizationDemos.inputs
    ) { ctx in
        ctx.heading(ctx.tr("One number, four formats"))
        var rows: [[String]] = []
        for value: Float in [3.14159, 0.1, 70000] {
            for format in NumberFormat.allCases where format != .int8 {
                rows.append([String(value), format.rawValue, format.bitString(value), String(format.roundTrip(value))])
            }
        }
        ctx.table([ctx.tr("value"), ctx.tr("format"), ctx.tr("sign exponent mantissa"), ctx.tr("stored as")], rows)
        ctx.say("FP16 spends 5 bits on the exponent and overflows past 65504; BF16 keeps FP32's 8 and drops precision instead.")

        ctx.heading(ctx.tr("Absmax and zero-point int8 on a small vector"))
        let x = Tensor([1.2, -2.1, 3.2, 0.1, -0.5, 2.0])
        let absmax = try QuantizedMatrix(x, scheme: .absmax)
        let zeroPoint = try QuantizedMatrix(x, scheme: .zeroPoint)
        ctx.table(["", ctx.tr("values")], [
            ["x", x.scalars.map { fixed(Double($0), 2) }.joined(separator: " ")],
            [ctx.tr("absmax codes"), absmax.codes.map(String.init).joined(separator: " ")],
            ["absmax x̂", absmax.dequantized().scalars.map { fixed(Double($0), 4) }.joined(separator: " ")],
            [ctx.tr("zero-point codes"), zeroPoint.codes.map(String.init).joined(separator: " ")],
            ["zero-point x̂", zeroPoint.dequantized().scalars.map { fixed(Double($0), 4) }.joined(separator: " ")],
        ])
        ctx.say("absmax: step = 3.2/127, so 0.1 → round(0.1·127/3.2) = 4 → 4·3.2/127 = {0}.", fixed(Double(absmax.dequantized().scalars[3]), 4))
        ctx.say("zero-point: step = (3.2 − (−2.1))/255, zero point {0}: the codes use all of −128…127.", String(zeroPoint.zeroPoints[0]))

        ctx.heading(ctx.tr("Errors on a real weight matrix (tiny GPT-2, h.0.mlp.c_fc, [192, 48])"))
        let model = try GPT2Model(directory: QuantizationDemos.fixtures.appendingPathComponent("gpt2-tiny"))
        let layer = QuantizableLayer.blocks(of: model)[0][2]
        let w = Tensor(shape: [layer.outFeatures, layer.inFeatures], scalars: layer.weight)
        var table: [[String]] = []
        for bits in [8, 4] {
            for scheme in [QuantizationScheme.absmax, .zeroPoint] {
                for (label, granularity) in [("tensor", Granularity.tensor), ("row", .row), ("group 16", .group(16))] {
                    let q = try QuantizedMatrix(w, scheme: scheme, granularity: granularity, bits: bits)
                    let s = ErrorStatistics(original: w, reconstruction: q.dequantized())
                    table.append(["\(bits)", scheme.rawValue, ctx.tr(label), sci(s.maxAbs), sci(s.meanAbs), sci(s.mse),
                                  fixed(s.snrDecibels, 1), QuantizationDemos.size(q.storageBytes)])
                }
            }
        }
        ctx.table([ctx.tr("bits"), ctx.tr("scheme"), ctx.tr("scale per"), "max |e|", "mean |e|", "MSE", "SNR dB", ctx.tr("size")], table)
        ctx.say("fp32 size: {0}. Finer granularity costs a few scales and buys accuracy.", QuantizationDemos.size(w.count * 4))

        ctx.heading(ctx.tr("Where the 4-bit errors fall (absmax per row)"))
        let q4 = try QuantizedMatrix(w, scheme: .absmax, granularity: .row, bits: 4)
        let errors = zip(w.scalars, q4.dequantized().scalars).map { Double($0 - $1) }
        try ctx.show("error-histogram", histogram(errors, bins: 12, title: ctx.tr("count of weights by quantization error x − x̂")))
    }

    static func histogram(_ values: [Double], bins: Int, title: String) -> BarChart {
        let m = values.map(abs).max() ?? 1
        let width = 2 * m / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for v in values { counts[min(bins - 1, Int((v + m) / width))] += 1 }
        var chart = BarChart(title: title, bars: (0..<bins).map { b in
            (String(format: "%+.4f…%+.4f", -m + Double(b) * width, -m + Double(b + 1) * width), Double(counts[b]))
        })
        chart.valueFormat = { String(Int($0)) }
        return chart
    }
}
