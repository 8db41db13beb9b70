import Foundation
import Autograd
import Figures
import FineTuning
import Tensors
import Transformers

/// `llmcourse run sft-lora`: the same instruction set taught to the same pre-trained tiny GPT by
/// full fine-tuning, LoRA and QLoRA, with held-out exact match, trainable parameters and memory.
enum SFTLoRADemo {
    static let demo = Demo(
        id: "sft-lora",
        summary: "Full fine-tuning vs LoRA vs QLoRA on a tiny pre-trained GPT: exact match before/after, parameters, memory",
        inputs: ["Sources/FineTuning", "Sources/Demos/FineTuning"]
    ) { context in try run(context) }

    struct Row {
        let method: String
        let memory: TrainingMemory
        let exactMatch: Double
        let seconds: Double
        let losses: [Double]
    }

    static func run(_ context: DemoContext) throws {
        let lab = FineTuningLab(context: context)
        context.heading(context.tr("The base model"))
        let base = try lab.pretrainedModel { context.print($0) }
        let (cleaned, _, _, _) = lab.cleanedInstructions(count: 3000)
        let train = try cleaned.map(lab.tokenized)
        let validation = try lab.validationSet()
        context.print(context.tr("instruction set: {0} cleaned training examples; {1} held-out facts for exact match", "\(train.count)", "\(validation.count)"))
        context.print(context.tr("(the held-out facts were in the pre-training sentences, never in an instruction)"))
        let sample = InstructionWorld.validationInstructions()[0]
        let before = exactMatch(base, validation, endOfTurn: lab.endOfTurn)
        let answer = greedyDecode(base, prompt: try lab.tokenizer.encode(lab.template.split(instruction: sample.instruction, response: "").prompt),
                                  maxNewTokens: 12, stopAt: lab.endOfTurn)
        context.print(context.tr("before fine-tuning: exact match {0}; asked \"{1}\" it continues {2}", percent(before), sample.instruction,
                                 lab.tokenizer.decode(Array(answer.suffix(12))).debugDescription))

        let steps = context.quick ? 6 : 300
        var rows: [Row] = []
        func fineTune(_ method: String, learningRate: Float, prepare: (GPT2Model) -> TrainingMemory) throws -> GPT2Model {
            let model = try lab.copy(of: base)
            let memory = prepare(model)
            let tuner = SupervisedFineTuner(model: model, examples: train,
                                            settings: .init(steps: steps, batchSize: 16, learningRate: learningRate, seed: context.seed))
            let tuning = context.progress("fine-tuning: \(method)", total: steps)
            let (losses, seconds) = context.timed { (0..<steps).map { _ in defer { tuning.advance() }; return Double(tuner.step()) } }
            tuning.finish()
            let score = exactMatch(model, validation, endOfTurn: lab.endOfTurn)
            context.print(context.tr("{0}: {1} steps in {2} s, final loss {3}, held-out exact match {4}", method, "\(steps)",
                                     String(format: "%.0f", seconds), fixed(losses.last ?? .nan, 3), percent(score)))
            rows.append(Row(method: method, memory: memory, exactMatch: score, seconds: seconds, losses: losses))
            return model
        }

        context.heading(context.tr("Fine-tuning three ways ({0} steps each, batch 16)", "\(steps)"))
        _ = try fineTune(context.tr("full fine-tuning"), learningRate: 1e-3) { TrainingMemory.fullFineTuning($0) }
        let loraConfig = LoRAConfiguration(rank: 8, alpha: 16, dropout: 0.05, targetModules: ["c_attn", "c_proj", "c_fc"], seed: context.seed)
        var lora: LoRAModel?
        let loraModel = try fineTune("LoRA r=8", learningRate: 6e-3) { model in
            lora = LoRAModel(wrapping: model, configuration: loraConfig)
            return TrainingMemory.lora(lora!)
        }
        var qlora: QLoRAModel?
        _ = try fineTune(context.tr("QLoRA r=8 (NF4 base)"), learningRate: 6e-3) { model in
            qlora = QLoRAModel(wrapping: model, lora: loraConfig, doubleQuantization: true)
            return TrainingMemory.qlora(qlora!)
        }
        if let qlora { context.print(context.tr("NF4 round trip of the base projections: mean |ΔW| = {0}", sci(qlora.quantizationError))) }

        context.heading(context.tr("Results (counted by the code)"))
        context.table(["method", "trainable", "share", "weights", "grads", "AdamW", "total", "exact match"].map { context.tr($0) }, rows.map { row in
            [row.method, "\(row.memory.trainableParameters)", percent(row.memory.trainableShare), formatBytes(row.memory.weightBytes),
             formatBytes(row.memory.gradientBytes), formatBytes(row.memory.optimizerBytes), formatBytes(row.memory.total), percent(row.exactMatch)]
        })
        context.print(context.tr("before any fine-tuning: exact match {0}", percent(before)))
        var plot = LinePlot(title: context.tr("SFT loss on response tokens"), xLabel: context.tr("step"), yLabel: context.tr("loss"))
        for row in rows { plot.add(row.method, ys: smoothed(row.losses)) }
        try context.show("loss", plot)

        context.heading(context.tr("The same methods on GPT-2 small (124M parameters), from its shapes"))
        let estimates = TrainingMemory.gpt2Estimates(embedding: 768, layers: 12, vocabulary: 50257, context: 1024, rank: 8)
        context.table(["method", "trainable", "weights", "grads + AdamW", "total"].map { context.tr($0) }, estimates.map {
            [$0.method == "full fine-tuning" ? context.tr($0.method) : $0.method, "\($0.trainableParameters)", formatBytes($0.weightBytes), formatBytes($0.gradientBytes + $0.optimizerBytes), formatBytes($0.total)]
        })
        context.print(context.tr("(activations are extra and grow with batch × sequence length; they are the same for all three)"))
        let square = LoRAParameterCount.adapter(inFeatures: 4096, outFeatures: 4096, rank: 16)
        let tiny = LoRAParameterCount.llama(.tinyLlama, rank: 32)
        context.table(["LoRA adapters, counted from shapes", "trainable", "instead of", "share"].map { context.tr($0) }, [
            [context.tr("one 4096×4096 projection, r = 16"), "\(square)", "\(4096 * 4096)", percent(Double(square) / Double(4096 * 4096))],
            [context.tr("TinyLlama-1.1B, r = 32 on every linear layer"), "\(tiny.adapters)", "\(tiny.base)", percent(Double(tiny.adapters) / Double(tiny.base + tiny.adapters))],
        ])

        if let lora {
            context.heading(context.tr("Merging and PEFT files"))
            let probe = validation[0].prompt
            let adapted = withNoGrad { loraModel(probe).value }
            lora.merge()
            let merged = withNoGrad { loraModel(probe).value }
            context.print(context.tr("merge: W ← W + (α/r)·B·A in {0} layers; max |Δlogit| vs adapters = {1}", "\(lora.sites.count)",
                                     sci(Double(merged.maxAbsDifference(adapted)))))
            lora.unmerge()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-sft-lora-adapter-\(context.seed)")
            try PEFTAdapterFiles.save(lora, to: folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            let size = files.compactMap { try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.size] as? Int }.reduce(0, +)
            context.print(context.tr("saved in PEFT's format: {0} ({1}) in {2}", files.joined(separator: " + "), formatBytes(size), folder.path))
            context.print(context.tr("first tensor: {0}", PEFTAdapterFiles.keyPrefix + lora.adapterParameters()[0].name))
        }
    }

    /// Running mean over 10 steps, so the curves are readable.
    static func smoothed(_ values: [Double]) -> [Double] {
        values.indices.map { i in
            let window = values[max(0, i - 9)...i]
            return window.reduce(0, +) / Double(window.count)
        }
    }
}
