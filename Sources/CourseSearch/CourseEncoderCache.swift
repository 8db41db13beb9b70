import Foundation
import Retrieval

/// The course's bi-encoder, trained on first use from the lessons and kept as a model folder
/// (``BiEncoderFolder``) in the state folder, beside the search index.
///
/// The folder holds a `fingerprint` file: the lessons' fingerprint (``SearchIndexCache``) and
/// the training settings. When either changed, or the folder does not load, the encoder is
/// trained again (about ten seconds on two cores) and saved over it: a damaged folder is
/// rebuilt, never trusted.
///
/// ```swift
/// let cache = CourseEncoderCache(stateDirectory: state)
/// let (encoder, outcome) = try cache.encoder(index: index, fingerprint: fp) { epoch, loss in … }
/// ```
public struct CourseEncoderCache {
    public static let folderName = "ask-encoder"
    public var stateDirectory: URL
    public var settings: BiEncoderTrainer.Settings

    public init(stateDirectory: URL, settings: BiEncoderTrainer.Settings = .init()) {
        self.stateDirectory = stateDirectory
        self.settings = settings
    }

    public var folder: URL { stateDirectory.appendingPathComponent(Self.folderName) }

    func stamp(_ fingerprint: String) -> String {
        "\(fingerprint) d\(settings.dimension) e\(settings.epochs) b\(settings.batchSize) lr\(settings.learningRate) t\(settings.temperature) m\(settings.minimumDocuments) s\(settings.seed)"
    }

    /// The cached encoder when current, otherwise one trained on `index`'s sections and saved.
    public func encoder(index: CourseSearchIndex, fingerprint: String,
                        progress: (Int, Int, Double) -> Void = { _, _, _ in }) -> (BiEncoder, SearchIndexCache.Outcome) {
        let stampURL = folder.appendingPathComponent("fingerprint")
        var outcome = SearchIndexCache.Outcome.built
        if let saved = try? String(contentsOf: stampURL, encoding: .utf8), saved == stamp(fingerprint) {
            do { return (try BiEncoderFolder.load(folder), .reused) } catch {
                outcome = .rebuiltDamaged(reason: "\(error)")
            }
        }
        var trainer = BiEncoderTrainer(pairs: index.encoderTrainingPairs(), settings: settings)
        let encoder = trainer.train { epoch, loss in progress(epoch, settings.epochs, loss) }.encoder
        // A cache that cannot be written is not an error: the answer matters more.
        try? FileManager.default.removeItem(at: stampURL)
        if (try? BiEncoderFolder.save(encoder, to: folder)) != nil {
            try? Data(stamp(fingerprint).utf8).write(to: stampURL, options: .atomic)
        }
        return (encoder, outcome)
    }
}
