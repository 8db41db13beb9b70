import Foundation
import Fundamentals

/// `llmcourse run nlp-stemming`: Porter-style suffix stripping on the course's own words, how
/// much it shrinks the vocabulary, and what it cannot do that a lemmatizer can.
enum StemmingDemo {
    static let demo = Demo(id: "nlp-stemming", summary: "Porter-style stemming of the course's words: forms that merge, and where a lemmatizer is needed",
                           inputs: CourseText.inputs) { ctx in
        let corpus = try CourseText.corpus()
        let documents = ctx.quick ? Array(corpus.train.prefix(4)) : corpus.train + corpus.heldOut
        let words = documents.flatMap { LessonCorpus.words($0.text) }.filter { $0.allSatisfy { $0.isASCII && $0.isLetter } }
        var forms: [String: Set<String>] = [:]
        var frequency: [String: Int] = [:]
        for word in words {
            forms[PorterStemmer.stem(word), default: []].insert(word)
            frequency[word, default: 0] += 1
        }
        ctx.heading(ctx.tr("Stemming the course's words (Porter's steps 1–3)"))
        ctx.say("{0} words, {1} distinct forms, {2} distinct stems", String(words.count), String(frequency.count), String(forms.count))
        ctx.heading(ctx.tr("Stems with the most distinct forms"))
        let top = forms.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(ctx.quick ? 5 : 10)
        for (stem, group) in top {
            ctx.print("\(stem.padding(toLength: 12, withPad: " ", startingAt: 0)) ← " + group.sorted().joined(separator: ", "))
        }
        ctx.heading(ctx.tr("What suffix stripping cannot do"))
        // A lemmatizer looks the word up (with its part of speech) instead of cutting it.
        let lemmas = [("studies", "study"), ("ponies", "pony"), ("went", "go"), ("mice", "mouse"), ("better", "good"),
                      ("was", "be"), ("meeting", "meet / meeting")]
        ctx.table([ctx.tr("word"), ctx.tr("stem"), ctx.tr("lemma")], lemmas.map { [$0.0, PorterStemmer.stem($0.0), $0.1] })
        ctx.say("A stem only has to be shared by related forms, so it need not be a word (poni, studi).")
        ctx.say("Irregular forms need a dictionary, and 'meeting' needs its part of speech: noun or verb.")
    }
}
