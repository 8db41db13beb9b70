import FineTuning
import Foundation
import Yams

extension FineTuneRecipe {
    /// Every key a recipe may hold, with what it sets (the command's `--help` prints this list).
    public static let keyDescriptions: [(key: String, meaning: String)] = [
        ("base_model", "GPT-2 or Llama model folder to adapt (required)"),
        ("datasets", "{path, type} list; alpaca, chat_template or completion"),
        ("chat_template", "tokenizer_default (ChatML if none) | chatml | alpaca"),
        ("adapter", "lora | qlora (LoRA on an NF4-rounded base)"),
        ("load_in_4bit", "true together with adapter: qlora, as Axolotl writes it"),
        ("lora_r", "rank of the update B·A (8)"),
        ("lora_alpha", "the update is scaled by alpha / r (16)"),
        ("lora_dropout", "dropout on the adapter's input, 0 ≤ p < 1 (0)"),
        ("lora_target_modules", "layers to adapt (GPT-2 [c_attn]; Llama [q_proj, v_proj])"),
        ("sequence_len", "longest example in tokens; longer ones are left out"),
        ("micro_batch_size", "examples per optimizer step (8)"),
        ("num_epochs", "passes over the training examples (1)"),
        ("max_steps", "optimizer steps; overrides num_epochs"),
        ("learning_rate", "peak learning rate of AdamW (0.0002)"),
        ("lr_scheduler", "cosine: warm-up, then decay to a tenth of the peak"),
        ("optimizer", "adamw_torch (AdamW, the only one)"),
        ("warmup_steps", "steps of linear warm-up (10)"),
        ("weight_decay", "AdamW's decoupled weight decay (0)"),
        ("val_set_size", "share held out for a validation loss, 0 ≤ x < 1 (0)"),
        ("train_on_inputs", "also train on the prompt's tokens (false)"),
        ("seed", "seed of the adapters, the batches and the split (42)"),
        ("output_dir", "folder the PEFT adapter is written to (required)"),
    ]

    /// Axolotl keys this course does not implement, with what to do instead.
    static let unsupportedKeys: [String: String] = [
        "gradient_accumulation_steps": "raise micro_batch_size instead; the course's models are small enough",
        "load_in_8bit": "use adapter: qlora (4-bit NF4) or plain lora",
        "bf16": "the course trains in 32-bit floats; remove the key",
        "fp16": "the course trains in 32-bit floats; remove the key",
        "flash_attention": "remove the key; the course's attention is exact and unfused in training",
        "deepspeed": "remove the key; training runs on this machine's cores",
        "lora_target_linear": "list the projections in lora_target_modules",
    ]

    /// Reads a recipe file; paths in it are relative to its folder.
    public init(contentsOf file: URL) throws(RecipeError) {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw RecipeError(file: file.path, problem: "cannot read the file (\(error.localizedDescription))",
                              fix: "check the path; `llmcourse finetune --help` shows an example recipe")
        }
        try self.init(yaml: text, file: file)
    }

    /// Parses and checks `yaml`, naming `file` in errors and resolving paths from its folder.
    public init(yaml: String, file: URL) throws(RecipeError) {
        let reader = RecipeReader(file: file, folder: file.deletingLastPathComponent())
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw reader.syntaxError(error)
        }
        guard let root, let mapping = root.mapping else {
            throw RecipeError(file: file.path, line: root?.mark?.line, problem: root == nil ? "the file is empty" : "the top level is not a list of `key: value` lines",
                              fix: "start from the example in `llmcourse finetune --help`")
        }
        var seen: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw reader.fail(keyNode, nil, "a key is not plain text", "write keys as words, e.g. lora_r: 8") }
            if let fix = Self.unsupportedKeys[key] { throw reader.fail(keyNode, key, "is an Axolotl setting this course does not implement", fix) }
            guard Self.keyDescriptions.contains(where: { $0.key == key }) else {
                let hint = closestKey(to: key, among: Self.keyDescriptions.map(\.key)).map { "did you mean \($0)? " } ?? ""
                throw reader.fail(keyNode, key, "is not a recipe key", hint + "`llmcourse finetune --help` lists every key")
            }
            seen[key] = value
        }
        for required in ["base_model", "datasets", "output_dir"] where seen[required] == nil {
            throw RecipeError(file: file.path, key: required, problem: "is missing", fix: "add it; `llmcourse finetune --help` shows an example recipe")
        }
        self.init(baseModel: try reader.path(seen["base_model"]!, "base_model"),
                  datasets: try reader.datasets(seen["datasets"]!),
                  outputDir: try reader.path(seen["output_dir"]!, "output_dir"))
        source = file.path
        try apply(seen, with: reader)
    }

    private mutating func apply(_ seen: [String: Node], with reader: RecipeReader) throws(RecipeError) {
        if let v = seen["chat_template"] { chatTemplate = try reader.choice(v, "chat_template") }
        if let v = seen["adapter"] { adapter = try reader.choice(v, "adapter") }
        if let v = seen["load_in_4bit"], try reader.bool(v, "load_in_4bit") != (adapter == .qlora) {
            throw reader.fail(v, "load_in_4bit", "disagrees with adapter: \(adapter.rawValue)", "4-bit loading goes with adapter: qlora; set both or neither")
        }
        if let v = seen["lora_r"] { loraR = try reader.int(v, "lora_r", atLeast: 1, example: "lora_r: 8") }
        if let v = seen["lora_alpha"] { loraAlpha = Float(try reader.number(v, "lora_alpha", above: 0, example: "lora_alpha: 16")) }
        if let v = seen["lora_dropout"] { loraDropout = Float(try reader.fraction(v, "lora_dropout")) }
        if let v = seen["lora_target_modules"] { loraTargetModules = try reader.strings(v, "lora_target_modules") }
        if let v = seen["sequence_len"] { sequenceLen = try reader.int(v, "sequence_len", atLeast: 2, example: "sequence_len: 64") }
        if let v = seen["micro_batch_size"] { microBatchSize = try reader.int(v, "micro_batch_size", atLeast: 1, example: "micro_batch_size: 8") }
        if let v = seen["num_epochs"] { numEpochs = try reader.number(v, "num_epochs", above: 0, example: "num_epochs: 3") }
        if let v = seen["max_steps"] { maxSteps = try reader.int(v, "max_steps", atLeast: 1, example: "max_steps: 300") }
        if let v = seen["learning_rate"] { learningRate = Float(try reader.number(v, "learning_rate", above: 0, example: "learning_rate: 0.001")) }
        if let v = seen["lr_scheduler"] { let _: OnlyChoice.Cosine = try reader.choice(v, "lr_scheduler") }
        if let v = seen["optimizer"] { let _: OnlyChoice.AdamW = try reader.choice(v, "optimizer") }
        if let v = seen["warmup_steps"] { warmupSteps = try reader.int(v, "warmup_steps", atLeast: 0, example: "warmup_steps: 10") }
        if let v = seen["weight_decay"] { weightDecay = Float(try reader.number(v, "weight_decay", above: nil, example: "weight_decay: 0.01")) }
        if let v = seen["val_set_size"] { valSetSize = try reader.fraction(v, "val_set_size") }
        if let v = seen["train_on_inputs"] { trainOnInputs = try reader.bool(v, "train_on_inputs") }
        if let v = seen["seed"] { seed = UInt64(try reader.int(v, "seed", atLeast: 0, example: "seed: 42")) }
    }
}

/// Settings that exist to be written down, with one value the course implements.
enum OnlyChoice {
    enum Cosine: String, CaseIterable { case cosine }
    enum AdamW: String, CaseIterable { case adamw_torch, adamw }
}
