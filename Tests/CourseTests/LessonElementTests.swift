import Testing
@testable import Course

@Suite struct LessonElementTests {
    @Test func codeBlockInfoStrings() {
        let include = CodeBlock(info: "swift include=Sources/NeuralNets/Linear.swift#forward", code: "", range: .unknown)
        #expect(include.language == "swift")
        #expect(include.attributes == ["include": "Sources/NeuralNets/Linear.swift#forward"])
        let run = CodeBlock(info: "run mlp-train", code: "llmcourse run mlp-train\n", range: .unknown)
        #expect(run.language == "run")
        #expect(CodeBlock(info: "", code: "", range: .unknown).language == "")
    }

    @Test func linkKinds() {
        func link(_ d: String) -> LessonLink { LessonLink(destination: d, text: "", isImage: false, range: .unknown) }
        #expect(link("https://arxiv.org/abs/1706.03762").kind == .external)
        #expect(link("mailto:someone@example.org").kind == .external)
        #expect(link("#attention").kind == .fragment)
        #expect(link("#attention").fragment == "attention")
        #expect(link("../rag/lesson.md#chunking").kind == .relative)
        #expect(link("../rag/lesson.md#chunking").path == "../rag/lesson.md")
        #expect(link("../rag/lesson.md#chunking").fragment == "chunking")
        #expect(link("../../Exercises/value-backward/exercise.md").exerciseID == "value-backward")
        #expect(link("../../Exercises/value-backward/exercise.zh-TW.md").exerciseID == "value-backward")
        #expect(link("../rag/lesson.md").exerciseID == nil)
    }

    @Test func sourceRegions() throws {
        let text = """
        struct Linear {
            // ANCHOR: forward
            func forward() {
                // ANCHOR: inner
                step()
                // ANCHOR_END: inner
            }
            // ANCHOR_END: forward
        }
        """
        let region = try SourceRegion.extract(from: text, anchor: "forward")
        #expect(region.code == "func forward() {\n    step()\n}")
        #expect(region.firstLine == 3)
        #expect(try SourceRegion.extract(from: text, anchor: "inner").code == "step()")
        #expect(SourceRegion.anchors(in: text) == ["forward", "inner"])
        #expect(throws: SourceRegion.Problem.anchorMissing) { try SourceRegion.extract(from: text, anchor: "backward") }
        #expect(throws: SourceRegion.Problem.anchorNotClosed(line: 1)) { try SourceRegion.extract(from: "// ANCHOR: a\nx", anchor: "a") }
        #expect(try SourceRegion.extract(from: "<!-- ANCHOR: html -->\n<p>\n<!-- ANCHOR_END: html -->", anchor: "html").code == "<p>")
    }

    @Test func metadataPositionsAndLists() {
        let lesson = LessonParser.parse("<!-- lesson\nid: rag\ndemos: a,  b ,c\n-->\n\n# RAG\n", id: "rag", language: .english, path: "p")
        #expect(lesson.diagnostics.isEmpty)
        let metadata = try! #require(lesson.metadata)
        #expect(metadata.demos == ["a", "b", "c"])
        #expect(metadata.listWithPositions("demos").map(\.position.column) == [8, 12, 15])
        #expect(metadata.field("id")?.valuePosition == SourcePosition(line: 2, column: 5))
        let oneLine = LessonParser.parse("<!-- lesson id: rag -->\n# RAG\n", id: "rag", language: .english, path: "p")
        #expect(oneLine.metadata?.id == "rag")
        #expect(oneLine.title == "RAG")
    }

    @Test func sectionsAndIntroduction() {
        let text = "# T\n\nIntro.\n\n## One\n\nA.\n\n### Deeper\n\nB.\n\n## One\n\nC.\n"
        let lesson = LessonParser.parse(text, id: "t", language: .english, path: "p")
        #expect(lesson.introduction.count == 1)
        #expect(lesson.sections.map(\.anchor) == ["one", "one-1"])
        #expect(lesson.sections[0].blocks.count == 3)
        #expect(lesson.anchors == ["t", "one", "deeper", "one-1"])
    }
}
