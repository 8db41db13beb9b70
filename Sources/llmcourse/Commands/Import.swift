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
        Reads `##` parts, `### N. Title` chapters, bold topic bullets (`- **Name**: text`), \
        reference lists and notebook tables, in English or Traditional Chinese, and writes \
        Lessons/roadmap.md, Lessons/roadmap.zh-TW.md, Lessons/notebooks.md and one lesson folder \
        per chapter into --out. Topics become `##` sections; everything else in a chapter is \
        copied as written. Whatever is left out or changed is listed at the end (file:line: what: why).

        Give the English README first and its Traditional Chinese edition with --translation: \
        chapters are paired by position and both editions share the English ids. Lessons \
        without a translation are written unmarked, so `llmcourse lint` lists them until they \
        are translated and marked with `llmcourse lint --mark-translated <id>`.

        Ids come from English chapter titles (whole words, at most 40 characters) or, for a \
        title without English words, the position (`part-2-chapter-1`). To choose them, pass \
        --ids FILE with one line per chapter to rename: `<part>.<chapter> <id>` or \
        `<derived-id> <id>`, e.g. `2.1 llm-architecture`; `#` starts a comment.

        The course is written into a temporary folder and moved into place at the end, so a \
        failed import leaves nothing behind. Messages follow --lang (or LANGUAGE/LANG): en or zh-TW.
        """
    )

    @Argument(help: "The README to read (English, or Traditional Chinese on its own).")
    var readme: String

    @Option(name: .long, help: "The Traditional Chinese README of the same roadmap, paired with the English one by position.")
    var translation: String?

    @Option(name: .long, help: "A file of `<part>.<chapter> <id>` (or `<derived-id> <id>`) lines choosing lesson ids.")
    var ids: String?

    @Option(name: .long, help: "Folder to write the course into (must not hold Lessons/ yet).")
    var out: String = "imported-course"

    @Option(name: .long, help: "Language of this command's messages: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English).")
    var lang: String?

    func run() throws {
        let messages = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        do {
            report(try CourseImporter.importRoadmap(from: URL(fileURLWithPath: readme),
                                                    translation: translation.map { URL(fileURLWithPath: $0) },
                                                    ids: ids.map { URL(fileURLWithPath: $0) },
                                                    to: URL(fileURLWithPath: out)), messages)
        } catch {
            FileHandle.standardError.write(Data((error.message(messages) + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// The counts read, where the course went, and what was left out (README file:line).
    private func report(_ course: ImportedCourse, _ messages: CourseLanguage) {
        let roadmap = course.roadmap
        let counts = AuthoringMessages.text(.importCounts, messages, "\(roadmap.parts.count)", "\(roadmap.chapterCount)",
                                            "\(roadmap.topicCount)", "\(roadmap.referenceCount)", "\(roadmap.notebooks.count)")
        print(AuthoringMessages.text(.imported, messages, readme, roadmap.language.nativeName, counts))
        if let chinese = course.translation {
            print(AuthoringMessages.text(.imported, messages, translation ?? "", chinese.language.nativeName,
                                         AuthoringMessages.text(.importCounts, messages, "\(chinese.parts.count)", "\(chinese.chapterCount)",
                                                                "\(chinese.topicCount)", "\(chinese.referenceCount)", "\(chinese.notebooks.count)")))
        }
        print(AuthoringMessages.text(.importWrote, messages, out, "llmcourse lint --course \(out)"))
        if course.untranslatedCount > 0 {
            print(AuthoringMessages.text(.importUntranslated, messages, "\(course.untranslatedCount)"))
        }
        let skipped = course.skipped
        if !skipped.isEmpty {
            print("")
            print(AuthoringMessages.text(.importSkipped, messages, "\(skipped.count)"))
            for item in skipped { print("  \(item)") }
        }
    }
}
