import ArgumentParser
import Course
import Foundation

/// `llmcourse import <README.md>`: turns an upstream-style course roadmap into a course skeleton.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a course skeleton from a roadmap README in the style of the LLM course.",
        discussion: """
        Reads `##` parts, `### N. Title` chapters, bold topic bullets (`- **Name**: text`) and \
        reference lists (under a 📚 header, or nested under topics), in English or Traditional \
        Chinese, and writes Lessons/roadmap.md, Lessons/roadmap.zh-TW.md and one lesson folder \
        per chapter into --out. The result passes `llmcourse lint`.
        """
    )

    @Argument(help: "The README to read.")
    var readme: String

    @Option(name: .long, help: "Folder to write the course into (must not hold Lessons/ yet).")
    var out: String = "imported-course"

    func run() throws {
        let input = URL(fileURLWithPath: readme)
        let output = URL(fileURLWithPath: out)
        let roadmap = try CourseImporter.importRoadmap(from: input, to: output)
        print("Imported \(readme) (\(roadmap.language.nativeName)): \(roadmap.summary).")
        print("Wrote \(out)/Lessons. Check it with: llmcourse lint --course \(out)")
    }
}
