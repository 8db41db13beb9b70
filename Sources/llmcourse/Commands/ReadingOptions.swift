import ArgumentParser
import Console
import Course
import Foundation
import Terminal

/// Options every reading command takes: where the course is, which language, color.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "The course folder (holding Lessons/); default: found from the current folder or LLMCOURSE_ROOT.")
    var course: String?

    @Option(name: .long, help: "Language: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English).")
    var lang: String?

    @Option(name: .long, help: "Color: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: TerminalEnvironment.ColorChoice = .auto

    func load() throws -> ReadingContext {
        try reporting { try ReadingContext.load(course: course, lang: lang, color: color) }
    }

    /// Runs `body`; a reader's mistake (no such lesson or section, no course, a missing
    /// edition) is printed in the reader's language and ends the command with status 1.
    func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error where error is ReadingError || error is CourseError {
            // A bad --lang cannot choose the language of its own error: the environment does.
            let language = (try? CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)) ?? (try? CourseLanguage.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)) ?? .english
            FileHandle.standardError.write(Data((ErrorMessages.line(for: error, language) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

extension TerminalEnvironment.ColorChoice: ExpressibleByArgument {}
