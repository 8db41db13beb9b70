import Course
import CourseSearch
import Foundation
import Fundamentals
import Retrieval

/// The course's own lessons as a retrieval corpus, with the labeled question set
/// (`Benchmarks/ask-questions.jsonl`): what the vector-storage, RAG and advanced-RAG demos
/// measure on, the same data `llmcourse ask` searches.
enum CourseRetrievalLab {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let inputs = ["Sources/Demos/Retrieval", "Sources/Retrieval", "Sources/CourseSearch", "Lessons", "Benchmarks/ask-questions.jsonl"]

    static func index() throws -> CourseSearchIndex {
        CourseSearchIndex(course: try CourseLoader.load(root: root))
    }

    /// The labeled questions; the quick path keeps every fourth.
    static func questions(quick: Bool) throws -> QuestionSet {
        let all = try QuestionSet.load(from: root.appendingPathComponent("Benchmarks/ask-questions.jsonl"))
        return quick ? QuestionSet(questions: all.questions.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)) : all
    }

    /// Lessons kept out of the encoder's pairs and the lexicon (still searched): the chapters
    /// that quote numbers measured on the lessons, these demos' among them.
    static let leftOut = LessonCorpus.quotingLessons

    /// The bi-encoder `llmcourse ask` trains, without ``leftOut`` (the quick path: two epochs), with progress.
    static func trainEncoder(_ index: CourseSearchIndex, _ ctx: DemoContext) -> BiEncoderTrainer.Result {
        var settings = BiEncoderTrainer.Settings()
        if ctx.quick { settings.epochs = 2 }
        var trainer = BiEncoderTrainer(pairs: index.encoderTrainingPairs(leavingOut: leftOut), settings: settings)
        let task = ctx.progress(ctx.tr("training the bi-encoder"), total: settings.epochs)
        let result = trainer.train { _, loss in task.advance(note: String(format: "loss %.3f", loss)) }
        task.finish()
        return result
    }

    /// The questions of one language.
    static func subset(_ questions: QuestionSet, _ lang: String) -> QuestionSet {
        QuestionSet(questions: questions.questions.filter { $0.lang == lang })
    }
}
