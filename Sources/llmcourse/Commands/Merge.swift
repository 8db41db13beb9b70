import Course
import ArgumentParser
import Foundation
import ModelTools
import NeuralNets
import Terminal

/// `llmcourse merge <model>… --method … --out DIR`: several fine-tuned models become one.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge model folders of the same architecture into a new model folder.",
        discussion: """
        Methods: linear (weighted average), slerp (two models, --t), task-arithmetic, ties \
        (--density) and dare (--density, --seed); the last three need --base, the model the \
        others were fine-tuned from. The new folder has the first model's config.json and \
        tokenizer, and records in model.safetensors how it was made. Compare the result with \
        `llmcourse evaluate`.

        Example: llmcourse merge math-ft code-ft --base base --method ties --density 0.3 --out merged
        """
    )

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case linear, slerp, taskArithmetic = "task-arithmetic", ties, dare
    }

    enum DType: String, ExpressibleByArgument, CaseIterable {
        case f32, f16, bf16
        var storage: Safetensors.StorageType { switch self { case .f32: .F32; case .f16: .F16; case .bf16: .BF16 } }
    }

    @Argument(help: "The model folders to merge.")
    var models: [String]

    @Option(name: .long, help: "linear, slerp, task-arithmetic, ties or dare.")
    var method: Method

    @Option(name: .long, help: "The common base model (task-arithmetic, ties, dare).")
    var base: String?

    @Option(name: .long, help: "One weight per model, in order (repeatable; default: equal).")
    var weight: [Float] = []

    @Option(name: .customLong("t"), help: "slerp: 0 gives the first model, 1 the second.")
    var t: Float = 0.5

    @Option(name: .long, help: "ties/dare: share of each task vector kept, in (0, 1].")
    var density: Float = 0.5

    @Option(name: .customLong("lambda"), help: "Scale of the summed task vectors.")
    var lambda: Float = 1

    @Option(name: .long, help: "dare: seed of the random drop mask.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Storage type of the merged weights: f32, f16 or bf16.")
    var dtype: DType = .f32

    @Option(name: .long, help: "The new model folder (replaced when it exists).")
    var out: String

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    /// The library's method with this command's parameters.
    var mergeMethod: MergeMethod {
        switch method {
        case .linear: .linear
        case .slerp: .slerp(t: t)
        case .taskArithmetic: .taskArithmetic
        case .ties: .ties(density: density)
        case .dare: .dare(density: density, seed: seed)
        }
    }

    func validate() throws {
        let language = ModelCommands.language(lang)
        func refuse(_ key: ModelMessages.Key, _ arg: String = "") -> ValidationError { ValidationError(ModelMessages.text(key, language, arg)) }
        guard !models.isEmpty else { throw refuse(.nameModels) }
        if method == .slerp && models.count != 2 { throw refuse(.slerpNeedsTwo, "\(models.count)") }
        if mergeMethod.needsBase && base == nil { throw refuse(.needsBase, method.rawValue) }
        if !weight.isEmpty && weight.count != models.count { throw refuse(.weightsCount, "\(models.count)") }
    }

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let merge = CheckpointMerge(models: models.map { URL(fileURLWithPath: $0) }, base: base.map { URL(fileURLWithPath: $0) },
                                    method: mergeMethod, weights: weight, lambda: lambda, storage: dtype.storage)
        let started = Date()
        try merge.write(to: URL(fileURLWithPath: out))
        print(ModelMessages.text(.merged, language, "\(models.count)", method.rawValue, out,
                                 String(format: "%.1f", Date().timeIntervalSince(started))))
        print(ModelMessages.text(.recorded, language, merge.provenance(relativeTo: URL(fileURLWithPath: out))))
    }
}
