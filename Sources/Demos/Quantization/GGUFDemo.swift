import Foundation
import Quantization
import Tensors
import Transformers

/// Writes the tiny GPT-2 as GGUF files in F32, F16, Q8_0 and Q4_0, shows what is inside one,
/// reads each back into a model and measures what the round trip cost in perplexity.
enum GGUFDemo {
    static let demo = Demo(
        id: "gguf-export",
        summary: "Write GPT-2 and Llama as GGUF (F32/F16/Q8_0/Q4_0), inspect a file, reload it, compare perplexity",
        inputs: QuantizationDemos.inputs
    ) { ctx in
        let tokenizer = try BytePairTokenizer(directory: QuantizationDemos.fixtures.appendingPathComponent("gpt2-tiny"))
        let (train, heldOut) = try QuantizationDemos.corpus(tokenizer)
        let evaluation = Array(heldOut.prefix((ctx.quick ? 6 : 40) * 48 + 1))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("llmcourse-gguf-\(UUID().uuidString)")  // one folder per run: tests run demos in parallel
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }

        // The GPT-2 the comparison demo pre-trains on the corpus (64 wide, so its matrices are whole Q4_0 blocks).
        let trained = try QuantizationCompareDemo.trainedModel(train: train, ctx: ctx)
        ctx.heading(ctx.tr("Inside a Q4_0 GGUF file of the course GPT-2"))
        let source = try GPT2Model(directory: trained)
        let q4 = try GGUFModelExport.file(source, tokenizer: tokenizer, matrixType: .q4_0, name: "course-gpt2")
        ctx.say("header: magic \"GGUF\", version {0}, {1} tensors, {2} metadata entries (general.alignment added)", String(GGUFFile.version), String(q4.tensors.count), String(q4.metadata.count + 1))
        var meta: [[String]] = []
        for (key, value) in q4.metadata.prefix(8) {
            let shown: String = value.string.map { "\"\($0)\"" } ?? value.integer.map(String.init) ?? value.float.map { String($0) } ?? "…"
            meta.append([key, shown])
        }
        if case .array(_, let tokens)? = q4["tokenizer.ggml.tokens"] { meta.append(["tokenizer.ggml.tokens", ctx.tr("{0} strings", String(tokens.count))]) }
        if case .array(_, let merges)? = q4["tokenizer.ggml.merges"] { meta.append(["tokenizer.ggml.merges", ctx.tr("{0} strings, e.g. \"{1}\"", String(merges.count), merges.first?.string ?? "")]) }
        ctx.table([ctx.tr("key"), ctx.tr("value")], meta)
        ctx.print()
        ctx.table([ctx.tr("tensor"), ctx.tr("dims on disk (ne0 first)"), ctx.tr("type"), ctx.tr("bytes")], q4.tensors.prefix(9).map {
            [$0.name, $0.shape.reversed().map(String.init).joined(separator: " × "), "\($0.type)".uppercased(), String($0.data.count)]
        })
        ctx.say("Norms and biases stay F32 (a matrix whose rows are not whole 32-value blocks would fall back to F16, as")
        ctx.say("llama.cpp's converter does). One Q4_0 block = 2-byte fp16 scale + 16 bytes of nibbles = 4.5 bits per weight.")

        ctx.heading(ctx.tr("Round trips: write, read, reload, measure"))
        var rows: [[String]] = []
        var baseline = 0.0
        for type in [GGMLTensorType.f32, .f16, .q8_0, .q4_0] {
            let file = try GGUFModelExport.file(source, tokenizer: tokenizer, matrixType: type)
            let url = out.appendingPathComponent("course-gpt2-\(type).gguf")
            try file.write(to: url)
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            let back = try GGUFFile(contentsOf: url)
            let model = try GPT2Model(directory: trained)
            try GGUFModelImport.load(back, into: model)
            let ppl = ModelQuantizer.perplexity(model, tokens: evaluation, window: 48)
            if type == .f32 { baseline = ppl }
            let w = source.transformer.h[1].mlp.c_proj.weight.value
            let s = ErrorStatistics(original: w, reconstruction: model.transformer.h[1].mlp.c_proj.weight.value)
            rows.append(["\(type)".uppercased(), QuantizationDemos.size(size), fixed(ppl, 3), String(format: "%+.3f%%", (ppl / baseline - 1) * 100),
                         s.snrDecibels.isFinite ? fixed(s.snrDecibels, 1) : ctx.tr("exact")])
        }
        ctx.table([ctx.tr("matrices as"), ctx.tr("file size"), ctx.tr("perplexity"), ctx.tr("vs F32"), "SNR dB (h.1.mlp.c_proj)"], rows)
        let llama = try LlamaModel(directory: QuantizationDemos.fixtures.appendingPathComponent("llama-tiny"))
        let llamaFile = try GGUFModelExport.file(llama, tokenizer: tokenizer, matrixType: .q8_0, name: "llama-tiny")
        ctx.print()
        ctx.say("llama-tiny as Q8_0: {0}, keys {1}", QuantizationDemos.size(try llamaFile.encoded().count),
                llamaFile.metadata.map(\.key).filter { $0.hasPrefix("llama.") }.joined(separator: ", "))
    }
}
