import Course
import Foundation
import Retrieval

/// What the course's own text teaches a retriever, with no labeled question: training pairs
/// for the bi-encoder and aligned sections for the translation lexicon.
///
/// Three kinds of (question, passage) pairs, all cut from the sections themselves:
/// - **title ↔ body**: a heading names what its section explains, as a question would;
/// - **sentence ↔ the rest** (the "inverse cloze task"): a sentence taken out of its section
///   must find the section it came from, so a term learns the company it keeps;
/// - **English ↔ Chinese**: the two editions of a section say the same thing, which pulls
///   "quantization" and "量化" towards each other.
/// The labeled question set is never used for training, so measuring on it stays fair.
/// `leavingOut` drops whole lessons from the pairs (they stay searchable): the demos leave out
/// the chapters that quote what this encoder scores, so writing those numbers down does not
/// retrain it.
extension CourseSearchIndex {
    public func encoderTrainingPairs(sentencesPerSection: Int = 3, leavingOut excluded: Set<String> = []) -> [BiEncoderTrainer.Pair] {
        var pairs: [BiEncoderTrainer.Pair] = []
        for section in sections where !excluded.contains(section.lessonID) {
            pairs.append(.init(question: section.title, passage: section.text))
            let sentences = SentenceSplitter.split(section.text).map(\.text).filter { SearchTokenizer.terms($0).count >= 4 }
            guard sentences.count >= 2 else { continue }
            // Evenly spaced sentences: the same ones on every build.
            let step = max(sentences.count / sentencesPerSection, 1)
            for i in stride(from: 0, to: sentences.count, by: step).prefix(sentencesPerSection) {
                let rest = sentences.enumerated().filter { $0.offset != i }.map(\.element).joined(separator: " ")
                pairs.append(.init(question: sentences[i], passage: section.title + "\n" + rest))
            }
        }
        for (english, chinese) in alignedSections(leavingOut: excluded) {
            pairs.append(.init(question: english, passage: chinese))
            pairs.append(.init(question: chinese, passage: english))
        }
        return pairs
    }

    /// The (English, Chinese) text of every section that exists in both editions.
    public func alignedSections(leavingOut excluded: Set<String> = []) -> [(String, String)] {
        var chinese: [String: SearchableSection] = [:]
        for s in sections where s.language == .traditionalChinese { chinese["\(s.lessonID)#\(s.number)"] = s }
        return sections.filter { $0.language == .english && !excluded.contains($0.lessonID) }.compactMap { en in
            chinese["\(en.lessonID)#\(en.number)"].map { (en.title + "\n" + en.text, $0.title + "\n" + $0.text) }
        }
    }
}
