import ArgumentParser
import Foundation
import Transformers

/// Working with real model folders (Hugging Face `config.json` + `model.safetensors` + tokenizer):
/// generate, evaluate, merge.
enum ModelCommands {
    static let all: [any ParsableCommand.Type] = [Generate.self, Evaluate.self, Merge.self]

    /// Loads the model and tokenizer of `folder`, with errors that say what to fix.
    static func load(_ folder: String) throws -> (model: any LanguageModel, tokenizer: BytePairTokenizer) {
        let url = URL(fileURLWithPath: folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(folder) is not a folder. Give a model folder holding config.json, model.safetensors and tokenizer files (see docs/models.md).")
        }
        // A file problem (ModelFileError) names the file and the fix; it prints without usage text.
        return (try loadLanguageModel(directory: url), try BytePairTokenizer(directory: url))
    }
}
