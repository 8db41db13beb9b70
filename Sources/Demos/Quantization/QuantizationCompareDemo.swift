import Foundation
import Quantization
import Tensors
import Transformers

/// A controlled comparison: the same held-out text, the same calibration text, the same models;
/// only the quantization method changes. Perplexity and storage size per method.
enum QuantizationCompareDemo {
    static let demo = Demo(
        id: "quantization-compare",
        summary: "Perplexity and size of tiny models under FP32, RTN int8/int4, LLM.int8(), GPTQ 4-bit and 3-bit",
        inputs: QuantizationDemos.inputs
    ) { ctx in
        let folder = QuantizationDemos.fixtures
        let bench = try QuantizationDemos.bench(ctx)
        let (train, evaluation, calibration, window) = (bench.train, bench.evaluation, bench.calibration, bench.window)

        let trained = try trainedModel(train: train, ctx: ctx)
        let models: [(String, () throws -> any LanguageModel)] = [
            ("course GPT-2 (trained)", { try GPT2Model(directory: trained) }),
            ("gpt2-tiny (random)", { try GPT2Model(directory: folder.appendingPathComponent("gpt2-tiny")) }),
            ("llama-tiny (random)", { try LlamaModel(directory: folder.appendingPathComponent("llama-tiny")) }),
        ]
        // One scale and zero point per output row: coarse enough that rounding errors matter at
        // these widths (64), so the methods differ; groups of 16 bring RTN within noise of GPTQ.
        let group: Int? = nil
        let per = "per row"
        let methods: [(String, (any LanguageModel) throws -> Int)] = [
            ("FP32", { ModelQuantizer.storageBytes($0, bits: nil) }),
            ("RTN int8 (absmax/row)", { try ModelQuantizer.absmaxInt8($0); return ModelQuantizer.storageBytes($0, bits: 8) }),
            ("RTN int4 (\(per))", {
                try ModelQuantizer.roundToNearest($0, configuration: GPTQConfiguration(bits: 4, groupSize: group))
                return ModelQuantizer.storageBytes($0, bits: 4, groupSize: group)
            }),
            ("LLM.int8() (t = 6)", { _ = ModelQuantizer.llmInt8($0); return ModelQuantizer.storageBytes($0, bits: 8) }),
            ("GPTQ 4-bit (\(per))", {
                try ModelQuantizer.gptq($0, calibration: calibration, configuration: GPTQConfiguration(bits: 4, groupSize: group))
                return ModelQuantizer.storageBytes($0, bits: 4, groupSize: group)
            }),
            ("RTN int3 (\(per))", {
                try ModelQuantizer.roundToNearest($0, configuration: GPTQConfiguration(bits: 3, groupSize: group))
                return ModelQuantizer.storageBytes($0, bits: 3, groupSize: group)
            }),
            ("GPTQ 3-bit (\(per))", {
                try ModelQuantizer.gptq($0, calibration: calibration, configuration: GPTQConfiguration(bits: 3, groupSize: group))
                return ModelQuantizer.storageBytes($0, bits: 3, groupSize: group)
            }),
        ]
        let measuring = ctx.progress("quantizing and measuring", total: models.count * methods.count)
        defer { measuring.finish() }
        for (name, load) in models {
            ctx.heading(ctx.tr(name))
            var rows: [[String]] = []
            var baseline = 0.0
            for (method, apply) in methods {
                measuring.note("\(name): \(method)")
                let model = try load()
                let bytes = try apply(model)
                let ppl = ModelQuantizer.perplexity(model, tokens: evaluation, window: window)
                if method == "FP32" { baseline = ppl }
                rows.append([ctx.tr(method), fixed(ppl, 3), String(format: "%+.2f%%", (ppl / baseline - 1) * 100), QuantizationDemos.size(bytes)])
                measuring.advance()
            }
            ctx.table([ctx.tr("method"), ctx.tr("perplexity"), ctx.tr("vs FP32"), ctx.tr("size")], rows)
        }
        ctx.print()
        ctx.say("Sizes count the block layers at the method's bits plus an fp16 scale and a zero point per row or group;")
        ctx.say("embeddings, norms and the output head stay fp32 in every row, as GPTQ leaves them.")
    }

    /// A tiny GPT-2 pre-trained on the corpus's training lines, cached on disk per seed.
    static func trainedModel(train: [Int], ctx: DemoContext) throws -> URL {
        let steps = ctx.quick ? 40 : 500
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-quantization-gpt-\(ctx.seed)-\(steps)-v1")
        if (try? GPT2Model(directory: folder)) != nil { return folder }
        let config = GPT2Config(vocabularySize: 384, contextLength: 64, embeddingSize: 64, layerCount: 2, headCount: 4)
        let model = GPT2Model(config: config, seed: ctx.seed)
        let trainer = PreTrainer(model: model, tokens: train, settings: .init(steps: steps, batchSize: 16, windowLength: 48,
                                                                            peakLearningRate: 3e-3, warmupSteps: 30, seed: ctx.seed))
        let start = Date()
        var loss: Float = 0
        let training = ctx.progress(ctx.tr("pre-training the course GPT-2"), total: steps)
        for _ in 0..<steps { loss = trainer.step(); training.advance() }
        training.finish()
        ctx.say("course GPT-2: {0} parameters pre-trained for {1} steps on the corpus (final loss {2}, {3} s)", String(model.parameterCount), String(steps), fixed(Double(loss), 3), fixed(Date().timeIntervalSince(start), 0))
        try model.save(directory: folder)
        return folder
    }
}
