import ArgumentParser
import Console
import Course
import CourseSearch
import Foundation
import Retrieval
import Terminal
import Transformers

/// Builds what `llmcourse ask` searches with: the cached index and lexicon, and for dense
/// search the course's bi-encoder (trained once) or a model folder's hidden states (embedded
/// once), each with a progress bar on standard error while it is made.
enum AskSetup {
    static func retriever(root: URL, state: URL, language: CourseLanguage, options ask: AskCommand)
        throws -> (retriever: CourseRetriever, outcome: SearchIndexCache.Outcome) {
        let cache = SearchIndexCache(courseRoot: root, stateDirectory: state)
        let (index, lexicon, outcome) = try ask.options.reporting {
            try cache.indexAndLexicon(loadCourse: { try CourseLoader.load(root: root) },
                                      building: { if !ask.json { warn(AskMessages.text(.buildingIndex, language)) } })
        }
        if case .rebuiltDamaged(let reason) = outcome {
            warn(AskMessages.text(.damagedCache, language, cache.fileURL.path, reason))
        }
        let needsEncoder = ask.retriever != .bm25 && ask.embeddingModel == nil || ask.rerank
        guard needsEncoder || ask.embeddingModel != nil else { return (CourseRetriever(index: index, lexicon: lexicon), outcome) }
        let fingerprint = try SearchIndexCache.fingerprint(courseRoot: root)
        let reporter = ProgressReporter.standardError()
        var encoder: BiEncoder?
        if needsEncoder {
            let encoders = CourseEncoderCache(stateDirectory: state)
            let task = reporter.task(AskMessages.text(.trainingEncoder, language), total: encoders.settings.epochs)
            let (trained, encoderOutcome) = encoders.encoder(index: index, fingerprint: fingerprint) { epoch, _, loss in
                task.set(completed: epoch)
                task.note(String(format: "loss %.3f", loss))
            }
            task.finish()
            if case .rebuiltDamaged(let reason) = encoderOutcome { warn(AskMessages.text(.damagedEncoder, language, encoders.folder.path, reason)) }
            encoder = trained
        }
        guard let folder = ask.embeddingModel else { return (CourseRetriever(index: index, lexicon: lexicon, encoder: encoder), outcome) }
        let url = try ModelCommands.modelFolder(folder, language)
        let embedding = MeanPooledEmbedding(model: try loadLanguageModel(directory: url), tokenizer: try BytePairTokenizer(directory: url))
        let embedder = TextEmbedder(name: folder, dimension: embedding.dimension, embed: embedding.embed)
        let vectorCache = SectionEmbeddingCache(stateDirectory: state)
        let key = SectionEmbeddingCache.key(modelFolder: url, lessonsFingerprint: fingerprint)
        let count = index.sections.count
        if let vectors = vectorCache.load(key: key, count: count, dimension: embedding.dimension) {
            return (CourseRetriever(index: index, lexicon: lexicon, encoder: encoder, embedder: embedder, vectors: vectors), outcome)
        }
        let task = reporter.task(AskMessages.text(.embeddingSections, language, folder), total: count)
        let retriever = CourseRetriever(index: index, lexicon: lexicon, encoder: encoder, embedder: embedder) { done, _ in task.set(completed: done) }
        task.finish()
        if let vectors = retriever.sectionVectors?.vectors { vectorCache.save(vectors, key: key, count: count, dimension: embedding.dimension) }
        return (retriever, outcome)
    }

    static func warn(_ line: String) {
        FileHandle.standardError.write(Data(("llmcourse: " + line + "\n").utf8))
    }
}
