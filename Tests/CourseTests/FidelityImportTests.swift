import Foundation
import Testing
@testable import Course

/// A chapter's text reaches its lesson as written: references keep "by X" and full-width
/// colons, and nothing the README says is dropped without a line in the import report.
@Suite struct FidelityImportTests {
    static func mathsLesson() throws -> String {
        try #require(try ImportFixtures.files("roadmap-en.md")["Lessons/mathematics-for-machine-learning/lesson.md"])
    }

    @Test func referencesKeepTheirTextAsWritten() throws {
        let lesson = try Self.mathsLesson()
        #expect(lesson.contains("* [Linear Algebra Pictures](https://example.org/la-pictures) by Ada Example: A video series that draws each idea.\n"))
        #expect(lesson.contains("* [Calculus Primer](https://example.org/calculus)：a note after a full-width colon.\n"))
        #expect(lesson.contains("* <a href=\"https://example.org/html-ref\">An HTML reference</a> written by hand.\n"))
        #expect(lesson.contains("* A book without a link."))
        let chapter = try ImportFixtures.parse("roadmap-en.md").parts[0].chapters[0]
        #expect(chapter.references.map(\.title) == ["course notes", "Linear Algebra Pictures", "Calculus Primer", "An HTML reference"])
    }

    @Test func everyBlockOfAChapterIsKept() throws {
        let lesson = try Self.mathsLesson()
        let kept = [
            "# Mathematics for Machine Learning\n\nBefore training anything, learn the maths behind it.\n\n## Linear Algebra\n\nVectors and matrices describe every layer.\n\n",
            // Sub-topics stay nested under their topic.
            "- **Eigenvalues**: Directions a matrix only stretches.\n- **Decompositions**: SVD and its relatives.\n",
            // A topic's second paragraph.
            "## Calculus\n\nDerivatives guide the optimizer.\n\nA second paragraph: the chain rule is what backpropagation repeats.\n",
            // `[**Name**](url): text` is a topic, its link kept.
            "## Probability\n\nDistributions and expectations.\n\n- [Probability](https://example.org/probability-topic)\n",
            // Bullets with text before the link, or no link at all.
            "- Read the [course notes](https://example.org/notes) before the first lecture.\n- Keep a notebook of the formulas you meet.\n",
            "| Operation | Cost |\n|---|---|\n| Dot product | $O(n)$ |\n",
            "<table><tr><td>HTML</td><td>table</td></tr></table>\n",
            "```python\nimport numpy as np\n```\n",
            "![A plot of the loss](https://example.org/loss.png)\n",
            "#### Going further\n",
            "> [!NOTE]\n> The exercises come later.\n",
            "## References\n\n* [Linear Algebra Pictures]",
        ]
        for text in kept { #expect(lesson.contains(text), "missing: \(text)") }
    }

    @Test func theIntroductionOpensTheRoadmap() throws {
        let roadmap = try #require(try ImportFixtures.files("roadmap-en.md")["Lessons/roadmap.md"])
        #expect(roadmap.hasPrefix("# The Small Model Course\n\n"))
        // A header with a banner image instead of an `<h1>` names the course by the image's alt text.
        #expect(UpstreamRoadmapWalk.headerTitle("<div align=\"center\">\n<img src=\"img/banner.png\" alt=\"Tiny Course\">\n</div>") == "Tiny Course")
        #expect(roadmap.contains("This course is split into two parts:\n\n1. 🧩 **The LLM Fundamentals** is optional"))
        #expect(roadmap.contains("> [!NOTE]\n> An interactive version of this course lives on the [course site](https://example.org/site).\n"))
    }

    @Test func whatIsLeftOutIsReportedWithItsLine() throws {
        let skipped = try ImportFixtures.parse("roadmap-en.md").skipped.map(\.description)
        #expect(skipped == [
            "roadmap-en.md:1: HTML header around the title: its title became the course's `# ` title; its other links and badges are not copied",
            "roadmap-en.md:36: paragraph: image `img/roadmap_fundamentals.png` is not beside the README: kept its alt text",
            "roadmap-en.md:89: section `## Acknowledgements`: it has no `###` chapters, so it is not a part of the course",
            "roadmap-en.md:91: paragraph: inside `## Acknowledgements`, which is not a part of the course",
        ])
    }

    @Test func relativeLinksBecomeTextAndNearbyImagesAreCopied() throws {
        #expect(LinkRewriter.unlink("See [the *setup*](notes/setup.md) and ![a plot](img/p.png).", destination: "notes/setup.md")
                == "See the *setup* and ![a plot](img/p.png).")
        #expect(LinkRewriter.unlink("![a plot](img/p.png)", destination: "img/p.png") == "a plot")
        // With the image beside the README, it is copied and the link kept.
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("img"), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: folder.appendingPathComponent("img/roadmap_fundamentals.png"))
        try FileManager.default.copyItem(at: ImportFixtures.url("roadmap-en.md"), to: folder.appendingPathComponent("README.md"))
        let out = folder.appendingPathComponent("course")
        let course = try CourseImporter.importRoadmap(from: folder.appendingPathComponent("README.md"), to: out)
        #expect(!course.skipped.contains { $0.what.contains("img/") || $0.why.contains("img/") })
        #expect(ImportFixtures.read(out, "Lessons/roadmap.md").contains("![](img/roadmap_fundamentals.png)"))
        #expect(ImportFixtures.read(out, "Lessons/img/roadmap_fundamentals.png") == "png")
    }
}
