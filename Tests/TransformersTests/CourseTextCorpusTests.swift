import Foundation
import Testing
@testable import Transformers

@Suite("The course's lessons as a corpus")
struct CourseTextCorpusTests {
    /// The repository this test file lives in: its `Lessons/` is the corpus.
    static let courseRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func splitIsDeterministicDisjointAndByLesson() throws {
        let first = try CourseTextCorpus.split(courseRoot: Self.courseRoot)
        let second = try CourseTextCorpus.split(courseRoot: Self.courseRoot)
        #expect(first == second)
        #expect(first.heldOutLessons == ["deployment", "neural-networks"])
        #expect(Set(first.trainLessons).isDisjoint(with: first.heldOutLessons))
        #expect(first.trainLessons == first.trainLessons.sorted() && first.trainLessons.count >= 16)
        #expect(first.trainLessons.allSatisfy { !CourseTextCorpus.excludedLessons.contains($0) }, "the lessons that quote results are left out")

        // Every document lands on exactly one side, in both languages.
        let documents = try CourseTextCorpus.documents(courseRoot: Self.courseRoot)
        let held = documents.filter { CourseTextCorpus.heldOutLessons.contains($0.lesson) }
        #expect(held.map(\.file) == ["lesson.md", "lesson.zh-TW.md", "lesson.md", "lesson.zh-TW.md"])
        #expect(first.heldOut == held.map(\.text).joined(separator: "\n"))
        #expect(first.train.count + first.heldOut.count + 1 == documents.map(\.text.count).reduce(0, +) + documents.count - 1)
        // No paragraph of a held-out lesson leaks into training (short lines such as headings aside).
        for document in held {
            for paragraph in document.text.components(separatedBy: "\n\n") where paragraph.count > 80 {
                #expect(!first.train.contains(paragraph), "\(document.lesson)/\(document.file): \(paragraph.prefix(60))")
            }
        }
        // Roughly 8% held out, both languages present on both sides.
        let share = Double(first.heldOut.count) / Double(first.train.count + first.heldOut.count)
        #expect((0.04...0.15).contains(share), "held-out share \(share)")
        #expect(first.heldOut.contains("神經") && first.train.contains("注意力"))
    }

    @Test func splitOfGivenDocuments() {
        let docs = [("a", "lesson.md", "A en\n"), ("a", "lesson.zh-TW.md", "A zh\n"), ("b", "lesson.md", "B en\n"),
                    ("c", "lesson.md", "C en\n"), ("c", "lesson.zh-TW.md", "C zh\n")]
            .map { CourseTextCorpus.Document(lesson: $0.0, file: $0.1, text: $0.2) }
        let split = CourseTextCorpus.split(docs, heldOut: ["b", "z"])
        #expect(split.train == "A en\n\nA zh\n\nC en\n\nC zh\n")
        #expect(split.heldOut == "B en\n")
        #expect(split.trainLessons == ["a", "c"] && split.heldOutLessons == ["b"])
    }

    @Test func proseDropsCommentsAndFencedBlocks() {
        let markdown = """
        <!-- lesson
        id: x
        -->

        # Title

        Some *prose* with $x^2$.



        ```run demo
        llmcourse run demo
        ```

        ````markdown
        ```swift
        inside
        ```
        ````
          ~~~
          tilde block
          ~~~
        - a list item <!-- a note --> goes on

        ```swift include=Sources/X.swift#a
        ```
        """
        #expect(CourseTextCorpus.prose(markdown) == "# Title\n\nSome *prose* with $x^2$.\n\n- a list item  goes on\n")
        #expect(CourseTextCorpus.prose("") == "\n")
        #expect(CourseTextCorpus.prose("unclosed <!-- comment\nmore") == "unclosed \n")
    }

    @Test func vocabularyKeepsFrequentCharactersAndRoundTrips() {
        let vocabulary = CharacterVocabulary(text: "abracadabra", minimumCount: 2)
        #expect(vocabulary.characters == ["\u{FFFD}", "a", "b", "r"])
        #expect(vocabulary.encode("bad") == [2, 1, 0])
        #expect(vocabulary.decode([2, 1, 0]) == "ba\u{FFFD}")
        #expect(vocabulary.unknownCount(in: "abracadabra") == 2)

        // Chinese and English alike: one id per character, and the order does not depend on the text's.
        let text = "模型 reads 模型 writes 字 字 é"
        let all = CharacterVocabulary(text: text, minimumCount: 1)
        #expect(all.decode(all.encode(text)) == text)
        #expect(all.encode(text).count == text.count)
        #expect(all == CharacterVocabulary(text: String(text.reversed()), minimumCount: 1))
        #expect(all.characters.dropFirst().map { $0.unicodeScalars.first!.value } == all.characters.dropFirst().map { $0.unicodeScalars.first!.value }.sorted())
        let frequent = CharacterVocabulary(text: text, minimumCount: 2)   // a, d, w, i, t and é occur once
        #expect(frequent.decode(frequent.encode(text)) == "模型 re\u{FFFD}\u{FFFD}s 模型 \u{FFFD}r\u{FFFD}\u{FFFD}es 字 字 \u{FFFD}")
    }

    @Test func vocabularyOfTheCourseCoversNearlyAllHeldOutText() throws {
        let split = try CourseTextCorpus.split(courseRoot: Self.courseRoot)
        let vocabulary = CharacterVocabulary(text: split.train, minimumCount: 3)
        #expect((600...2_000).contains(vocabulary.count), "\(vocabulary.count) tokens")
        // Round trip: every known character comes back, every rare one as the unknown symbol.
        let decoded = vocabulary.decode(vocabulary.encode(split.heldOut))
        #expect(decoded.count == split.heldOut.count)
        for (original, back) in zip(split.heldOut, decoded) {
            #expect(back == (vocabulary.id(original) == 0 ? CharacterVocabulary.unknown : original))
        }
        #expect(Double(vocabulary.unknownCount(in: split.heldOut)) / Double(split.heldOut.count) < 0.02)
    }
}
