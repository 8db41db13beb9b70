import ArgumentParser
import Course
import Foundation
import Progress
import Terminal

/// The program: tidies the command line (`--lang` before the subcommand, a mistyped command),
/// makes the learner's chosen language the default, then hands over to the parser.
@main
enum Main {
    static func main() async {
        let commands = LLMCourse.configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
        let line = CommandLineArguments(Array(CommandLine.arguments.dropFirst()), subcommands: commands)
        if let word = line.unknownCommand {
            let language = (try? CourseLanguage.resolve(explicit: line.language, environment: ProcessInfo.processInfo.environment)) ?? .english
            let near = CommandLineArguments.suggestions(for: word, among: commands)
            FileHandle.standardError.write(Data(("llmcourse: " + CommandMessages.unknownCommand(word, suggestions: near, language) + "\n").utf8))
            exit(ExitCode.validationFailure.rawValue)
        }
        LanguageMemory.apply(explicit: line.language, courseArgument: CommandLineArguments.value(of: "--course", in: line.arguments))
        await LLMCourse.main(line.arguments)
    }
}
