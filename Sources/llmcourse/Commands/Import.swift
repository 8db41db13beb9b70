import ArgumentParser
import Course
import Foundation
import Terminal

/// `llmcourse import <README.md>`: turns an upstream-style course roadmap into a course skeleton.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create a course skeleton from a roadmap README in the style of the LLM course.",
        discussion: """
        Reads `##` parts, `### N. Title` chapters, bold topic bullets (`- **Name**: text`) and \
        reference lists (under a 📚 header, or nested under topics), in English or Traditional \
        Chinese, and writes Lessons/roadmap.md, Lessons/roadmap.zh-TW.md and one lesson folder \
        per chapter into --out. The result passes `llmcourse lint`. Messages follow --lang \
        (or LANGUAGE/LANG): en or zh-TW.
        """
    )

    @Argument(help: "The README to read.")
    var readme: String

    @Option(name: .long, help: "Folder to write the course into (must not hold Lessons/ yet).")
    var out: String = "imported-course"

    @Option(name: .long, help: "Language of this command's messages: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English).")
    var lang: String?

    func run() throws {
        let input = URL(fileURLWithPath: readme)
        let output = URL(fileURLWithPath: out)
        let messages = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        let roadmap = try CourseImporter.importRoadmap(from: input, to: output)
        let counts = AuthoringMessages.text(.importCounts, messages, "\(roadmap.parts.count)", "\(roadmap.chapterCount)",
                                            "\(roadmap.topicCount)", "\(roadmap.referenceCount)", "\(roadmap.notebooks.count)")
        print(AuthoringMessages.text(.imported, messages, readme, roadmap.language.nativeName, counts))
        print(AuthoringMessages.text(.importWrote, messages, out, "llmcourse lint --course \(out)"))
    }
}
