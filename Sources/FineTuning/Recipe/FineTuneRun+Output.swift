import Foundation

extension FineTuneRun {
    /// The file beside the adapter that records how it was made.
    public static let reportFile = "training_report.json"

    /// Creates `output_dir` and proves it writable before any training, so a bad path or a
    /// full disk costs seconds, not a finished run.
    public func prepareOutput() throws(RecipeError) {
        let folder = recipe.outputDir
        let probe = folder.appendingPathComponent(".write-test-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("ok".utf8).write(to: probe)
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw RecipeError(file: recipe.source, key: "output_dir", problem: "cannot write to \(folder.path) (\(error.localizedDescription))",
                              fix: "choose a folder you can write to, and check the free disk space")
        }
    }

    /// Writes the PEFT adapter (`adapter_config.json`, `adapter_model.safetensors`) and
    /// `training_report.json` into `output_dir`. Everything is written to a staging folder
    /// first and each file is renamed into place, so an interrupted save never leaves a
    /// half-written adapter, and an older adapter there is replaced whole.
    public func save(report: [String: Any]) throws(RecipeError) {
        let folder = recipe.outputDir
        let staging = folder.appendingPathComponent(".partial-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try PEFTAdapterFiles.save(lora, to: staging, baseModel: recipe.baseModel.lastPathComponent)
            let json = try JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
            try json.write(to: staging.appendingPathComponent(Self.reportFile))
            for name in [PEFTAdapterFiles.configurationFile, PEFTAdapterFiles.weightsFile, Self.reportFile] {
                let from = staging.appendingPathComponent(name), to = folder.appendingPathComponent(name)
                // rename(2) replaces the target atomically.
                guard rename(from.path, to.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            }
        } catch {
            throw RecipeError(file: recipe.source, key: "output_dir", problem: "could not write the adapter to \(folder.path) (\(error.localizedDescription))",
                              fix: "check the free disk space and the folder's permissions, then run again")
        }
    }
}
