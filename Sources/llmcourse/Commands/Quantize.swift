import ArgumentParser
import Autograd
import Console
import Course
import Foundation
import Quantization
import Transformers

/// `llmcourse quantize <model> --to q4_0`: a Hugging Face GPT-2 or Llama folder written as a
/// GGUF file in llama.cpp's conventions, checked by loading it back.
struct Quantize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a Hugging Face GPT-2 or Llama folder as a GGUF file (F32, F16, Q8_0 or Q4_0) for llama.cpp.",
        discussion: """
        Matrices are stored in the chosen type (a matrix whose rows are not whole blocks of 32 \
        falls back to F16); norms and biases stay F32, as llama.cpp's own converter does. Tensor \
        names, the query/key row order of Llama's rotary embedding and the tokenizer metadata \
        (tokenizer.ggml.*) follow llama.cpp, so the file loads there (llama-cli -m FILE). \
        Afterwards the file is read back, dequantized into a copy of the model, and the largest \
        change in the logits of a probe text is reported.

        Examples:
          llmcourse quantize SmolLM-135M --to q4_0
          llmcourse quantize my-gpt2 --to q8_0 --out my-gpt2-q8.gguf --json
        """
    )

    @Argument(help: "Model folder (config.json, model.safetensors, tokenizer.json or vocab.json + merges.txt).")
    var model: String

    @Option(name: .long, help: "Storage type of the matrices: f32, f16, q8_0 or q4_0.")
    var to: String

    @Option(name: .long, help: "The GGUF file to write (default: <folder name>-<TYPE>.gguf in the current folder).")
    var out: String?

    @Option(name: .long, help: "Text whose logits are compared before and after, as a check.")
    var probe = "The quick brown fox jumps over the lazy dog."

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    static let types: [String: GGMLTensorType] = ["f32": .f32, "f16": .f16, "q8_0": .q8_0, "q4_0": .q4_0]

    func validate() throws {
        guard Self.types[to.lowercased()] != nil else {
            let zh = ModelCommands.language(lang) == .traditionalChinese
            throw ValidationError(zh ? "--to 必須是 f32、f16、q8_0 或 q4_0，而不是「\(to)」。" : "--to must be f32, f16, q8_0 or q4_0, not \"\(to)\".")
        }
    }

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let say = { (en: String, zh: String, args: [String]) in MessageTemplate.fill(language == .traditionalChinese ? zh : en, args) }
        let type = Self.types[to.lowercased()]!
        let (languageModel, tokenizer) = try ModelCommands.load(model, language)
        let name = URL(fileURLWithPath: model).standardizedFileURL.lastPathComponent
        let target = URL(fileURLWithPath: out ?? "\(name)-\(String(describing: type).uppercased()).gguf")
        let file = try GGUFModelExport.file(languageModel, tokenizer: tokenizer, matrixType: type, name: name)
        do { try file.write(to: target) } catch {
            throw ValidationError(say("Cannot write {0} ({1}); check the folder and the free disk space.",
                                      "無法寫入 {0}（{1}）；請檢查資料夾與剩餘磁碟空間。", [target.path, error.localizedDescription]))
        }
        // The check: the file as llama.cpp would read it, back in a copy of the model.
        let reread = try GGUFFile(contentsOf: target)
        let copy = try loadLanguageModel(directory: try ModelCommands.modelFolder(model, language))
        try GGUFModelExport.restore(reread, into: copy)
        let ids = Array(tokenizer.encode(probe).prefix(languageModel.contextLength))
        let change = ids.isEmpty ? 0 : withNoGrad { languageModel(ids).value.maxAbsDifference(copy(ids).value) }
        let (counts, bits) = GGUFModelExport.summary(reread)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        let byType = GGMLTensorType.allCases.compactMap { t in counts[t].map { "\($0) \(String(describing: t).uppercased())" } }
        if json {
            return try Evaluate.printJSON(["file": target.path, "type": String(describing: type).uppercased(), "bytes": bytes,
                                           "tensors": Dictionary(uniqueKeysWithValues: counts.map { (String(describing: $0.key).uppercased(), $0.value) }),
                                           "matrix_bits_per_weight": bits, "probe_tokens": ids.count, "max_logit_change": Double(change)])
        }
        print(say("wrote {0}: {1} MB, {2} tensors ({3}); matrices at {4} bits per weight",
                  "已寫入 {0}：{1} MB，{2} 個張量（{3}）；矩陣每個權重 {4} 位元",
                  [target.path, String(format: "%.2f", Double(bytes) / 1e6), "\(reread.tensors.count)", byType.joined(separator: ", "),
                   String(format: "%.2f", bits)]))
        print(say("read back and dequantized: the logits of a {0}-token probe move by at most {1}",
                  "讀回並反量化：{0} 個詞元的探測文字，logits 最多變動 {1}", ["\(ids.count)", String(format: "%.4f", change)]))
    }
}
