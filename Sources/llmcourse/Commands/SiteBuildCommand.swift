import ArgumentParser
import Console
import Course
import Demos
import Foundation
import Site
import Terminal

/// `llmcourse site build [--out DIR]`: regenerates the whole web site.
struct SiteBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Generate the course web site (both languages) into a folder.",
        discussion: "Demo figures are cached by a hash of their inputs; a rebuild without changes runs no demo."
    )

    @OptionGroup var options: SiteOptions

    func run() throws {
        let messages = try options.messages()
        let root = try options.courseRoot()
        // Each demo run for figures, and the page stages, are reported on standard error.
        let report = try options.builder(root: root, progress: ProgressReporter.standardError()).build()
        for w in report.warnings { FileHandle.standardError.write(Data((SiteMessages.text(.warning, messages, w) + "\n").utf8)) }
        print(report.summary(messages))
        print(SiteMessages.text(.open, messages, options.outputFolder(root).appendingPathComponent("index.html").path))
    }
}

/// Options shared by the site commands.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "Folder to write the site into (default: <course>/site-out).")
    var out: String?

    @Option(name: .long, help: "The course folder (default: found from the current folder or LLMCOURSE_ROOT).")
    var course: String?

    @Option(name: .long, help: "Folder for cached demo figures (default: <course>/.llmcourse/site-cache/figures).")
    var cache: String?

    @Flag(name: .long, help: "Run demos on their short path for figures (a quick preview build; figures are rougher).")
    var quickDemos = false

    @Option(name: .long, help: "Repository URL for \"edit this page\" links: GitHub-style (…/edit/main/<file> is added) or a template with {path}. No links when unset.")
    var repositoryURL: String?

    @Option(name: .long, help: "Language of this command's messages: en or zh-TW (default: the one chosen with `llmcourse config lang`, else LANGUAGE/LANG, else English). The site always has both.")
    var lang: String?

    func messages() throws -> CourseLanguage {
        try CourseLanguage.resolve(explicit: lang, environment: ProcessInfo.processInfo.environment)
    }

    func courseRoot() throws -> URL {
        try CourseLoader.findRoot(explicit: course)
    }

    func outputFolder(_ root: URL) -> URL {
        out.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("site-out")
    }

    func cacheFolder() -> URL? {
        cache.map { URL(fileURLWithPath: $0) }
    }

    /// The builder these options describe.
    func builder(root: URL, progress: ProgressReporter = .silent) -> SiteBuilder {
        var builder = SiteBuilder(root: root, output: outputFolder(root),
                                  figures: SiteFigures.source(root: root, quick: quickDemos, progress: progress),
                                  figureCache: cacheFolder())
        builder.editLink = EditLink(repositoryURL: repositoryURL)
        builder.progress = progress
        return builder
    }
}

extension SiteBuildReport {
    /// The build's one-line summary in `language`.
    func summary(_ language: CourseLanguage) -> String {
        SiteMessages.buildSummary(pages: pages, seconds: seconds, demosRun: demosRun.count, demosReused: demosReused.count,
                                  mathBundled: mathBundled, language: language)
    }
}

/// Figures come from the demo registry: the site module cannot import the ML modules, so the
/// command hands it a way to ask for a demo's inputs and to run it.
enum SiteFigures {
    static func source(root: URL, quick: Bool = false, progress: ProgressReporter = .silent) -> FigureSource {
        FigureSource(seed: 42, quick: quick, inputs: { id in
            (try? DemoRegistry.demo(id)).map(\.inputs)
        }, renderIn: { id, language, folder in
            let demo = try DemoRegistry.demo(id)
            let context = DemoContext(demoID: id, seed: 42, quick: quick, width: 80, figureDirectory: folder, language: language,
                                      write: { _ in })
            // The demo's own progress shows under the build's "figures n/N" line.
            context.progressReporter = progress
            defer { context.finishProgress() }
            try demo.run(context)
            return context.figures
        })
    }
}
