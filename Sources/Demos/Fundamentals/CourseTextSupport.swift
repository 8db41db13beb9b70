import Foundation
import Fundamentals

/// The course's own lessons as the NLP demos' corpus, read from the repository the demos were
/// built in, and a word vocabulary over them.
enum CourseText {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The demos' inputs: their code, the library, and the lessons they read.
    static let inputs = ["Sources/Demos/Fundamentals", "Sources/Fundamentals", "Lessons"]

    static func corpus() throws -> LessonCorpus { try LessonCorpus(root: root) }

    /// Function words, left out of the embedding demos' vocabulary: on a small corpus they
    /// co-occur with everything and pull every vector towards one direction.
    static let stopWords: Set<String> = Set("""
        a an the and or but if then so of to in on at by for with from as into than that this these those it its
        is are was were be been being has have had do does did not no can could will would should may might must
        we you he she they them their our your his her i me my one two also more most each every all any some such
        which what when where who how there here only just very same other both than over under up out about after
        before between through while because per via e g i.e s t
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Every lesson's words in order (train and held-out lessons together), ids into a vocabulary
    /// of the words seen at least `minimumCount` times that are not stop words; the others are −1
    /// (they keep their place, so distances between the remaining words stay true).
    static func wordIDs(_ corpus: LessonCorpus, minimumCount: Int, lessons: Int? = nil)
        -> (ids: [Int], vocabulary: [String], index: [String: Int], counts: [Int]) {
        let documents = (corpus.train + corpus.heldOut).sorted { $0.lesson < $1.lesson }.prefix(lessons ?? .max)
        let words = documents.flatMap { LessonCorpus.words($0.text) }
        var frequency: [String: Int] = [:]
        words.forEach { frequency[$0, default: 0] += 1 }
        let vocabulary = frequency.filter { $0.value >= minimumCount && !stopWords.contains($0.key) }.keys.sorted { (frequency[$0]!, $1) > (frequency[$1]!, $0) }
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        return (words.map { index[$0] ?? -1 }, vocabulary, index, vocabulary.map { frequency[$0]! })
    }
}
