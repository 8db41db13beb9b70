import Foundation
import NeuralNets

/// Where a model folder came from: the models it was merged, adapted or fine-tuned from, and
/// theirs in turn — a family tree read from what the folders themselves record.
///
/// Three records are read, the ones Hugging Face tools and this course write:
/// - `model.safetensors` metadata `llmcourse.merge` (written by `llmcourse merge`): the method,
///   its parameters and the source folders;
/// - `adapter_config.json` (PEFT): `base_model_name_or_path`, with the LoRA rank and alpha;
/// - the model card `README.md`: `base_model:` in its YAML front matter (one id or a list),
///   with `base_model_relation:` when given.
///
/// A parent that names a folder (relative to the child, or absolute) is traced further; any
/// other name (a Hub id such as `HuggingFaceTB/SmolLM-135M`) ends its branch.
///
/// ```swift
/// let tree = ModelLineage.trace(URL(fileURLWithPath: "merged"))
/// print(tree.drawn())
/// ```
public enum ModelLineage {
    public struct Node: Equatable, Sendable {
        /// The folder's name, or the id as recorded.
        public var name: String
        /// The folder when it exists on this machine.
        public var folder: URL?
        /// How this model was made from its parents ("merge: ties, density 0.3"), if recorded.
        public var how: String?
        public var parents: [Node]
    }

    public static func trace(_ folder: URL, depth: Int = 12) -> Node {
        var visiting: Set<String> = []
        return node(folder.standardizedFileURL, name: folder.standardizedFileURL.lastPathComponent, depth: depth, visiting: &visiting)
    }

    private static func node(_ folder: URL, name: String, depth: Int, visiting: inout Set<String>) -> Node {
        guard depth > 0, !visiting.contains(folder.path) else { return Node(name: name, folder: folder, how: "…", parents: []) }
        visiting.insert(folder.path)
        defer { visiting.remove(folder.path) }
        let (how, references) = records(in: folder)
        let parents = references.map { reference -> Node in
            if let parent = resolve(reference, from: folder) {
                return node(parent, name: parent.lastPathComponent, depth: depth - 1, visiting: &visiting)
            }
            return Node(name: reference, folder: nil, how: nil, parents: [])
        }
        return Node(name: name, folder: folder, how: how, parents: parents)
    }

    /// How the model in `folder` was made, and the references to its parents, in order.
    static func records(in folder: URL) -> (how: String?, parents: [String]) {
        if let merge = mergeRecord(folder) { return merge }
        if let adapter = adapterRecord(folder) { return adapter }
        if let card = ModelCard.baseModels(in: folder) {
            return (card.relation.map { "\($0) (model card)" } ?? "fine-tuned (model card)", card.models)
        }
        return (nil, [])
    }

    static func mergeRecord(_ folder: URL) -> (String?, [String])? {
        guard let file = try? SafetensorsFile(url: folder.appendingPathComponent("model.safetensors")),
              let text = file.metadata["llmcourse.merge"],
              let record = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let method = record["method"] as? String else { return nil }
        var details: [String] = []
        for key in ["t", "density", "lambda"] {
            if let value = record[key] as? NSNumber, !(key == "lambda" && value.doubleValue == 1) { details.append("\(key) \(value)") }
        }
        // Paths relative to the merged folder when recorded; older records name folders only.
        let sources = (record["paths"] as? [String]) ?? (record["models"] as? [String] ?? []).map { "../" + $0 }
        var parents = sources
        if let base = (record["base_path"] as? String) ?? (record["base"] as? String).map({ "../" + $0 }) {
            parents.append(base)
            details.append("base \((record["base"] as? String) ?? base)")
        }
        return ("merge: " + ([method] + details).joined(separator: ", "), parents)
    }

    static func adapterRecord(_ folder: URL) -> (String?, [String])? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("adapter_config.json").path),
              let config = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let base = config["base_model_name_or_path"] as? String, !base.isEmpty else { return nil }
        let type = (config["peft_type"] as? String) ?? "adapter"
        var how = "\(type) adapter"
        if let r = config["r"] as? NSNumber { how += ", r \(r)" }
        if let alpha = config["lora_alpha"] as? NSNumber { how += ", alpha \(alpha)" }
        return (how, [base])
    }

    /// A folder named by `reference`: absolute, or relative to `folder`, or beside it.
    static func resolve(_ reference: String, from folder: URL) -> URL? {
        let candidates = reference.hasPrefix("/")
            ? [URL(fileURLWithPath: reference)]
            : [folder.appendingPathComponent(reference), folder.deletingLastPathComponent().appendingPathComponent(reference)]
        var isFolder: ObjCBool = false
        return candidates.map(\.standardizedFileURL).first {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }
}

extension ModelLineage.Node {
    /// The tree as text, the model first and its ancestors below:
    /// ```
    /// merged  (merge: slerp, t 0.5)
    /// ├── a
    /// └── b  (fine-tuned (model card))
    ///     └── HuggingFaceTB/SmolLM-135M  (not on this machine)
    /// ```
    public func drawn(notLocal: String = "not on this machine") -> String {
        var lines: [String] = []
        func draw(_ node: ModelLineage.Node, prefix: String, branch: String, childPrefix: String) {
            var label = node.name
            if let how = node.how { label += "  (\(how))" } else if node.folder == nil { label += "  (\(notLocal))" }
            lines.append(prefix + branch + label)
            for (i, parent) in node.parents.enumerated() {
                let last = i == node.parents.count - 1
                draw(parent, prefix: prefix + childPrefix, branch: last ? "└── " : "├── ", childPrefix: last ? "    " : "│   ")
            }
        }
        draw(self, prefix: "", branch: "", childPrefix: "")
        return lines.joined(separator: "\n")
    }
}
