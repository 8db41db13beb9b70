import Course
import ArgumentParser
import Console
import Demos
import Foundation
import Terminal

/// `llmcourse run <demo-id>`: runs a lesson demo, printing its narrative and figures.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a lesson demo.",
        discussion: "Each lesson's `run` steps name a demo. `llmcourse run --list` shows them all. --lang zh-TW (or LANG=zh_TW.UTF-8) puts this command's own lines in Traditional Chinese; demos narrate and label their figures in the same language."
    )

    @Argument(help: "The demo to run, e.g. micrograd.")
    var demoID: String?

    @Flag(name: .long, help: "List the demos and what they show.")
    var list = false

    @Option(name: .long, help: "Seed for every random choice; the same seed gives the same output.")
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Take the short path (fewer training steps).")
    var quick = false

    @Option(name: .long, help: "Also write the demo's figures as SVG files into this folder.")
    var svgDir: String?

    @Option(name: .long, help: "Language of this command and the demo: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English).")
    var lang: String?

    func validate() throws {
        if !list && demoID == nil {
            throw ValidationError(CommandMessages.text(.nameADemo, (try? CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)) ?? .english))
        }
    }

    func run() throws {
        let messages = try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
        if list {
            let all = DemoRegistry.all
            let width = all.map { DisplayWidth.of($0.id) }.max() ?? 0
            for demo in all {
                print(demo.id + String(repeating: " ", count: width - DisplayWidth.of(demo.id)) + "  " + demo.summary(in: messages))
            }
            return
        }
        let demo = try DemoRegistry.demo(demoID ?? "")
        let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? Run.terminalColumns()
        let context = DemoContext(demoID: demo.id, seed: seed, quick: quick, width: columns,
                                  figureDirectory: svgDir.map { URL(fileURLWithPath: $0) }, language: messages) { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        // Progress goes to standard error (erased on a terminal), so piped output stays the demo's own.
        context.progressReporter = ProgressReporter.standardError()
        defer { context.finishProgress() }
        try demo.run(context)
        if let dir = svgDir, !context.figures.isEmpty {
            print("\n" + CommandMessages.text(.figuresWritten, messages, dir, context.figures.map(context.figureFileName).joined(separator: ", ")))
        }
    }

    /// The terminal's width, or 80 when output is not a terminal.
    static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
