import ArgumentParser
import Console
import Foundation
import Grader
import Site
import StudyGroup

/// `llmcourse group serve`: the grading server, gradebook and course site.
struct GroupServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the study group: grade submissions, show the gradebook and the course site.",
        discussion: """
        On first start a leader token is created and printed once; open http://<host>:<port>/login \
        with it to see the gradebook. Members get tokens from `llmcourse group add <name>`. \
        Submissions wait in the database, so a restart loses none. With a PostgreSQL \
        --database, `llmcourse group worker` on other machines grades from the same queue.
        """
    )

    @OptionGroup var options: GroupDatabaseOptions

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "Address to listen on; 0.0.0.0 lets members on the network reach it.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "How many submissions are graded at once.")
    var workers: Int = 2

    @Option(name: .long, help: "Folder of the course site to serve (built there if missing; default: <course>/.llmcourse/group-site).")
    var site: String?

    @Option(name: .long, help: "Largest accepted upload, in KiB.")
    var maxUploadKb: Int = 256

    @Option(name: .long, help: "Submissions a member may make per minute (after a burst of 10).")
    var ratePerMinute: Double = 20

    @Option(name: .long, help: .hidden)
    var rateBurst: Int = 10

    @Option(name: .long, help: "Seconds a connection may stay silent before it is closed (also bounds a slow request head).")
    var idleTimeout: Double = 30

    @Option(name: .long, help: "Most connections held at once; at the limit the longest-idle one is closed to make room.")
    var maxConnections: Int = 1000

    /// Load drills only: grade nothing, answer after this many seconds ("PASS" in the file passes).
    @Option(name: .long, help: .hidden)
    var simulatedGrading: Double?

    func run() async throws {
        let root = try options.root()
        let store = try options.store()
        if let token = try store.ensureLeader() {
            say("Leader token (shown only now; keep it): \(token)")
            say("Log in with it at /login on this server to see the gradebook.")
        }
        let grading: any SubmissionGrading
        if let seconds = simulatedGrading {
            grading = SimulatedGrading(seconds: seconds)
        } else {
            let grader = try Grader(courseRoot: root) { note in FileHandle.standardError.write(Data((note + "\n").utf8)) }
            grading = HarnessGrading(grader: grader, uploads: try options.uploadsFolder())
        }
        let siteFolder = site.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent(".llmcourse/group-site")
        if !FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent("index.html").path) {
            say("Building the course site into \(siteFolder.path) …")
            let report = try SiteBuilder(root: root, output: siteFolder, figures: SiteFigures.source(root: root), figureCache: nil).build()
            say(report.summary)
        }
        let configuration = GroupServer.Configuration(host: host, port: port, workers: workers, maxUploadBytes: maxUploadKb * 1024,
                                                      rateBurst: rateBurst, ratePerMinute: ratePerMinute, siteFolder: siteFolder,
                                                      idleTimeout: idleTimeout, maxConnections: maxConnections)
        if store.isShared {
            say("Gradebook on \(store.database.location); `llmcourse group worker --database <the same URL>` adds workers on other machines.")
        }
        let host = self.host
        // The server takes the SQLite file's lock before it re-queues anything, and says so.
        try await GroupServer(store: store, grading: grading, configuration: configuration).run(ready: { port in
            say("Study group at http://\(host):\(port)/ (gradebook: /gradebook) — Ctrl-C stops")
        }, log: { say($0) })
    }

    /// Unbuffered, so a log file or a parent process sees each line at once.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
