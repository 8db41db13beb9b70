import Course
import ArgumentParser
import Foundation
import ModelTools
import Terminal

/// `llmcourse lineage <model>`: the model's family tree, from what its folder records.
struct Lineage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which models a model folder was merged, adapted or fine-tuned from.",
        discussion: """
        Reads the merge record `llmcourse merge` writes into model.safetensors, a PEFT \
        adapter_config.json (base_model_name_or_path) and a model card README.md (base_model in \
        its front matter), then follows parents that are folders on this machine; Hub ids end a \
        branch.

        Example: llmcourse lineage merged
        """
    )

    @Argument(help: "The model folder.")
    var model: String

    @Flag(name: .long, help: "Print the tree as JSON.")
    var json = false

    @Option(name: .long, help: ModelCommands.langHelp)
    var lang: String?

    func run() throws {
        let language = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let tree = ModelLineage.trace(try ModelCommands.modelFolder(model, language))
        if json {
            func object(_ node: ModelLineage.Node) -> [String: Any] {
                var out: [String: Any] = ["name": node.name, "parents": node.parents.map(object)]
                if let folder = node.folder { out["folder"] = folder.path }
                if let how = node.how { out["how"] = how }
                return out
            }
            let data = try JSONSerialization.data(withJSONObject: object(tree), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print(tree.drawn(notLocal: ModelMessages.text(.notLocal, language)))
        if tree.parents.isEmpty { print(ModelMessages.text(.noRecords, language, model)) }
    }
}
