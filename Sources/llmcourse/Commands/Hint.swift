import ArgumentParser
import Console
import Course
import Grader
import Terminal

/// `llmcourse hint <id>`: the next hint of an exercise.
struct Hint: ExerciseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the next hint for an exercise (one more each time).",
        discussion: LanguageHelp.exercise
    )

    @Argument(help: "The exercise id.")
    var id: String

    @OptionGroup var options: ExerciseOptions


    func perform() throws {
        let language = try options.language
        let exercise = try options.localized { try options.catalog().exercise(id) }
        let reveal = try HintBook.reveal(exercise, language: language, store: try options.store())
        print(HintBook.render(reveal, exercise: exercise, style: .forStandardOutput(), language: language,
                              format: Self.markdownFormatter(language: language, path: exercise.text(language).path)))
    }

    /// Hints are Markdown (code spans, `$…$` math, links): shown through the lesson renderer,
    /// two columns narrower than the terminal for the indent.
    static func markdownFormatter(language: CourseLanguage, path: String) -> (String) -> String {
        let environment = TerminalEnvironment.current()
        var options = RenderOptions(environment: environment, language: language)
        options.width = max(environment.width - 2, 20)
        options.documentLanguage = language
        options.documentPath = path  // links in hints are relative to the exercise's text
        let renderer = MarkdownRenderer(options: options)
        return { text in
            var out = renderer.render(MarkdownParser.parse(text))
            while out.hasSuffix("\n") { out.removeLast() }
            return out
        }
    }
}
