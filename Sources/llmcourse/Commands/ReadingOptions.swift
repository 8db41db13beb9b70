import ArgumentParser
import Terminal

/// Options every reading command takes: where the course is, which language, colour.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "The course folder (holding Lessons/); default: found from the current folder or LLMCOURSE_ROOT.")
    var course: String?

    @Option(name: .long, help: "Language: en or zh-TW (default: from LANGUAGE/LANG, else English).")
    var lang: String?

    @Option(name: .long, help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: TerminalEnvironment.ColorChoice = .auto

    func load() throws -> ReadingContext {
        try ReadingContext.load(course: course, lang: lang, color: color)
    }
}

extension TerminalEnvironment.ColorChoice: ExpressibleByArgument {}
