import Figures
import Foundation
import Quantization
import Transformers

/// ExLlamaV2's idea on the course GPT-2: measure every layer's error at several widths, give
/// each layer its own width under an average bits-per-weight budget, and compare the perplexity
/// with uniform GPTQ at the same storage.
enum MixedBitDemo {
    static let widths = [2, 3, 4, 5, 6, 8]

    static let demo = Demo(
        id: "mixed-bit-quantization",
        summary: "Per-layer bit widths under a bits-per-weight budget (ExLlamaV2) vs uniform GPTQ",
        inputs: QuantizationDemos.inputs
    ) { ctx in
        let bench = try QuantizationDemos.bench(ctx)
        let trained = try QuantizationCompareDemo.trainedModel(train: bench.train, ctx: ctx)
        let reference = try GPT2Model(directory: trained)
        // Per-row scales, as in the comparison demo.
        let profiles = try LayerErrorProfile.measure(reference, calibration: bench.calibration, widths: widths)

        ctx.heading(ctx.tr("Relative output error per layer, % (GPTQ, per row)"))
        ctx.table([ctx.tr("layer")] + widths.map { "\($0)b" },
                  profiles.map { p in [p.name] + p.options.map { String(format: "%.2g", $0.relativeError * 100) } })
        ctx.say("error = ‖WX − ŴX‖² / ‖WX‖² on the calibration inputs; one fp16 scale and one zero point per row add (16 + b)/in bits per weight.")

        let uniform3 = try BitAllocation.uniform(profiles, bits: 3), uniform4 = try BitAllocation.uniform(profiles, bits: 4)
        let budgets = [3.0, uniform3.bitsPerWeight, 3.5, 4.0, uniform4.bitsPerWeight]
        let mixed = try budgets.map { try BitAllocation.optimal(profiles, budget: $0) }

        ctx.heading(ctx.tr("Bits chosen per layer at each budget (bits/weight)"))
        ctx.table([ctx.tr("layer")] + budgets.map { fixed($0, 2) },
                  profiles.indices.map { l in [profiles[l].name] + mixed.map { String($0.bits[l]) } })
        let greedyMisses = try budgets.filter { try BitAllocation.greedy(profiles, budget: $0).error > BitAllocation.optimal(profiles, budget: $0).error * (1 + 1e-9) }.count
        ctx.say("The greedy upgrade-by-ratio allocation misses the optimum at {0} of these {1} budgets.", String(greedyMisses), String(budgets.count))

        let methods: [(String, BitAllocation?)] = [(ctx.tr("FP32"), nil), (ctx.tr("GPTQ 3-bit (uniform)"), uniform3), (ctx.tr("GPTQ 4-bit (uniform)"), uniform4)]
            + zip(budgets, mixed).map { (ctx.tr("mixed ≤ {0}", fixed($0.0, 2)), $0.1) }
        let measuring = ctx.progress("quantizing and measuring", total: methods.count)
        defer { measuring.finish() }
        var rows: [[String]] = []
        var perplexity: [Double] = []
        for (name, allocation) in methods {
            measuring.note(name)
            let model = try GPT2Model(directory: trained)
            var bytes = ModelQuantizer.storageBytes(model, bits: nil), bpw = 32.0, error = 0.0
            if let allocation {
                try MixedBitQuantizer.apply(allocation, to: model, calibration: bench.calibration)
                (bytes, bpw, error) = (MixedBitQuantizer.storageBytes(model, allocation: allocation), allocation.bitsPerWeight, allocation.error)
            }
            let ppl = ModelQuantizer.perplexity(model, tokens: bench.evaluation, window: bench.window)
            perplexity.append(ppl)
            rows.append([name, fixed(bpw, 2), String(bytes), String(format: "%.3g", error * 100), fixed(ppl, 4)])
            measuring.advance()
        }
        ctx.heading(ctx.tr("Held-out perplexity by method"))
        ctx.table([ctx.tr("method"), ctx.tr("bits/wt"), ctx.tr("bytes"), ctx.tr("error %"), ctx.tr("perplexity")], rows)
        ctx.say("bits/wt counts the block layers only (codes, scales, zero points); bytes include the fp32 embeddings, norms and head. error % is the share-weighted profile error the allocation minimizes.")
        // Same storage as uniform 3-bit and 4-bit: rows 1 vs 4 and 2 vs 7.
        ctx.say("At uniform 3-bit's size: uniform {0}, mixed {1}. At uniform 4-bit's size: uniform {2}, mixed {3}.",
                fixed(perplexity[1], 4), fixed(perplexity[4], 4), fixed(perplexity[2], 4), fixed(perplexity[7], 4))

        // The curve: uniform widths 3…6 and mixed budgets between them.
        func measured(_ allocation: BitAllocation) throws -> Double {
            let model = try GPT2Model(directory: trained)
            try MixedBitQuantizer.apply(allocation, to: model, calibration: bench.calibration)
            return ModelQuantizer.perplexity(model, tokens: bench.evaluation, window: bench.window)
        }
        let uniform = try [3, 4, 5, 6].map { try BitAllocation.uniform(profiles, bits: $0) }
        let curve = try stride(from: 3.0, through: 5.0, by: ctx.quick ? 0.5 : 0.25).map { try BitAllocation.optimal(profiles, budget: $0) }
        var plot = LinePlot(title: ctx.tr("held-out perplexity vs bits per weight"), xLabel: ctx.tr("bits/weight"), yLabel: ctx.tr("perplexity"))
        plot.add(ctx.tr("uniform GPTQ"), xs: uniform.map(\.bitsPerWeight), ys: try uniform.map(measured))
        plot.add(ctx.tr("mixed widths"), xs: curve.map(\.bitsPerWeight), ys: try curve.map(measured))
        try ctx.show("perplexity-vs-bits", plot, height: 10)
    }

}
