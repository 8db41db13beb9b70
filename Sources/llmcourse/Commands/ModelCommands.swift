import Course
import FineTuning
import ArgumentParser
import Foundation
import Terminal
import Transformers

/// Working with real model folders (Hugging Face `config.json` + `model.safetensors` + tokenizer):
/// generate, evaluate, merge, lineage.
enum ModelCommands {
    static let all: [any ParsableCommand.Type] = [Generate.self, Evaluate.self, FineTune.self, Quantize.self, Serve.self, Merge.self, Lineage.self, RedTeam.self]

    /// Loads the model and tokenizer of `folder`, with errors that say what to fix.
    /// With `adapter`, a PEFT LoRA adapter folder (such as `finetune` writes) is attached.
    static func load(_ folder: String, _ language: CourseLanguage, adapter: String? = nil) throws -> (model: any LanguageModel, tokenizer: BytePairTokenizer) {
        let url = try modelFolder(folder, language)
        // A file problem (ModelFileError) names the file and the fix; it prints without usage text.
        let model = try loadLanguageModel(directory: url)
        if let adapter {
            do { _ = try PEFTAdapterFiles.load(from: try modelFolder(adapter, language), into: model) } catch let error as PEFTFileError {
                throw ValidationError(error.description)
            }
        }
        return (model, try BytePairTokenizer(directory: url))
    }

    static let adapterHelp: ArgumentHelp = "A PEFT LoRA adapter folder to attach (adapter_config.json + adapter_model.safetensors, as `finetune` writes)."

    /// `path` as a folder URL, or an error saying what a model folder holds.
    static func modelFolder(_ path: String, _ language: CourseLanguage) throws -> URL {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError(ModelMessages.text(.notAFolder, language, path))
        }
        return URL(fileURLWithPath: path)
    }

    /// The language of the command's own lines. `validate()` cannot report a bad `--lang`
    /// (it runs first), so there it falls back to English; `run()` reports it.
    static func language(_ lang: String?) -> CourseLanguage { (try? CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)) ?? .english }

    static let langHelp: ArgumentHelp = "Language of this command's own lines: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English)."
}
