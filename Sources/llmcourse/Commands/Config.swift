import ArgumentParser
import Course
import Foundation
import Progress
import Terminal

/// `llmcourse config [lang <tag>|default]`: shows or sets what the learner chose once for
/// every command. Today that is the course language, kept with the progress.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or choose settings kept with your progress (the course language).",
        discussion: """
        `llmcourse config lang zh-TW` makes Traditional Chinese the language of every command \
        run without --lang; `llmcourse config lang default` lets LANGUAGE/LANG decide again. \
        The first --lang you ever pass is remembered the same way. LLMCOURSE_LANG, when set, wins.
        """
    )

    @Argument(help: "The setting: lang.")
    var setting: String?

    @Argument(help: "Its new value: en, zh-TW, or default to forget the choice.")
    var value: String?

    @Option(name: .long, help: "The course folder (holding Lessons/); default: found from the current folder or LLMCOURSE_ROOT.")
    var course: String?

    func validate() throws {
        if let setting, setting != "lang" {
            throw ValidationError("unknown setting '\(setting)': the one setting is `lang` (e.g. `llmcourse config lang zh-TW`).")
        }
        if let value, value != "default", CourseLanguage(tag: value) == nil {
            let known = CourseLanguage.allCases.map(\.tag).joined(separator: ", ")
            throw ValidationError("no edition of the course in '\(value)': use one of \(known), or default.")
        }
    }

    func run() throws {
        let root = try CourseLoader.findRoot(explicit: course)
        let store = try ProgressStore(directory: ProgressStore.defaultDirectory(courseRoot: root))
        let environment = ProcessInfo.processInfo.environment
        guard let value else {
            let chosen = try store.load().language.flatMap { CourseLanguage(tag: $0) }
            let language = chosen ?? ((try? CourseLanguage.resolve(explicit: nil, environment: [
                "LANG": environment["LANG"] ?? "", "LANGUAGE": environment["LANGUAGE"] ?? ""])) ?? .english)
            print(CommandMessages.text(chosen == nil ? .languageNotChosen : .languageShown, language, language.tag))
            return
        }
        let language = CourseLanguage(tag: value)
        _ = try store.update { $0.language = language?.tag }
        if let language {
            print(CommandMessages.text(.languageChosen, language, language.tag, store.fileURL.path))
        } else {
            let fallback = (try? CourseLanguage.resolve(explicit: nil, environment: ["LANG": environment["LANG"] ?? ""])) ?? .english
            print(CommandMessages.text(.languageForgotten, fallback))
        }
    }
}
