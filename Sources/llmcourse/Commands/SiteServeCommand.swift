import ArgumentParser
import Console
import Foundation
import Site
import Terminal

/// `llmcourse site serve [--port N]`: builds, serves the site on the loopback interface and
/// rebuilds when a lesson, exercise or source file changes; open pages then reload themselves.
struct SiteServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally; it is rebuilt when the course changes.",
        discussion: "Serves on 127.0.0.1 only unless --host says otherwise. Stop with Ctrl-C."
    )

    @OptionGroup var options: SiteOptions

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8000

    @Option(name: .long, help: "Address to listen on (127.0.0.1 keeps the preview on this machine).")
    var host: String = "127.0.0.1"

    func run() throws {
        let messages = try options.messages()
        let root = try options.courseRoot()
        let out = options.outputFolder(root)
        // The first build may run every demo; it says which, as `site build` does.
        let builder = options.builder(root: root, progress: ProgressReporter.standardError())
        let reload = LiveReload()
        let watcher = SiteWatcher(root: root, builder: builder) { report in
            reload.built()
            for w in report.warnings { FileHandle.standardError.write(Data((SiteMessages.text(.warning, messages, w) + "\n").utf8)) }
            // Unbuffered, so each rebuild shows at once even when the output goes to a file.
            FileHandle.standardOutput.write(Data((report.summary(messages) + "\n").utf8))
        }
        try watcher.rebuild()
        watcher.start()
        let server = try PreviewServer(folder: out, host: host, port: port, liveReload: reload)
        FileHandle.standardOutput.write(Data((SiteMessages.text(.serving, messages, out.path, "http://\(host):\(server.port)/") + "\n").utf8))
        server.serveForever()
    }
}
