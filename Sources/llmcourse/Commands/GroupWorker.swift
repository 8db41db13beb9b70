import ArgumentParser
import Console
import Dispatch
import Foundation
import Grader
import StudyGroup

/// `llmcourse group worker`: grading only, from a PostgreSQL gradebook shared with `group serve`.
struct GroupWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Grade submissions from a shared PostgreSQL gradebook, without a web server (for extra machines).",
        discussion: """
        Run `llmcourse group serve --database postgres://…` on one machine, then this on others \
        with the same URL: every worker takes the oldest waiting submission, so the queue drains \
        faster. A worker holds each submission with a lease it renews while grading; if the \
        machine dies, another worker grades the submission once the lease runs out. \
        Ctrl-C (or SIGTERM) finishes the submissions being graded and stops; a second Ctrl-C puts \
        them back in the queue at once.

        Example: llmcourse group worker --database postgres://group@db.lan:5432/group --concurrency 4
        """
    )

    @OptionGroup var options: GroupDatabaseOptions

    @Option(name: .long, help: "How many submissions this machine grades at once.")
    var concurrency: Int = 2

    @Option(name: .long, help: "This worker's name, stored with what it grades (default: <host>-<pid>).")
    var name: String?

    @Option(name: .long, help: "Seconds a claimed submission stays this worker's without a renewal (renewed every third of it).")
    var lease: Double = GroupStore.defaultLease

    @Option(name: .long, help: .hidden)
    var pollInterval: Double = 0.5

    /// Tests and load drills only: grade nothing, answer after this many seconds ("PASS" in the file passes).
    @Option(name: .long, help: .hidden)
    var simulatedGrading: Double?

    func validate() throws {
        guard let database = options.database else {
            throw ValidationError("give the shared gradebook: --database \(DatabaseLocation.urlFormat) (the URL `group serve` uses)")
        }
        guard (try? DatabaseLocation(database))?.isShared == true else {
            throw ValidationError("`group worker` needs a PostgreSQL gradebook (--database \(DatabaseLocation.urlFormat)); with a SQLite file, `group serve --workers N` grades on this machine")
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1; try --concurrency 2") }
        guard lease >= 1 else { throw ValidationError("--lease must be at least 1 second; the default, \(Int(GroupStore.defaultLease)), suits most groups") }
        if let name, name.isEmpty || name.count > 100 {
            throw ValidationError("--name must be 1–100 characters, e.g. --name lab-pc-3")
        }
    }

    func run() async throws {
        let store = try options.store()
        let grading: any SubmissionGrading
        if let seconds = simulatedGrading {
            grading = SimulatedGrading(seconds: seconds)
        } else {
            let grader = try Grader(courseRoot: try options.root()) { note in FileHandle.standardError.write(Data((note + "\n").utf8)) }
            grading = HarnessGrading(grader: grader, uploads: try options.uploadsFolder())
        }
        let workers = GradingWorkers(store: store, grading: grading, concurrency: concurrency, pollInterval: pollInterval,
                                     name: name ?? GradingWorkers.defaultName, lease: lease)
        let task = Task { await workers.run() }
        let signals = StopSignals { count in
            if count == 1 {
                workers.stopClaiming()
                say("Stopping: finishing \(workers.counts.grading) submission(s) being graded; Ctrl-C again puts them back in the queue.")
            } else {
                task.cancel()
            }
        }
        say("Worker \(workers.name) grading from \(store.database.location), \(concurrency) at once — Ctrl-C stops")
        await task.value
        signals.cancel()
        say("Worker \(workers.name) stopped after grading \(workers.counts.graded) submission(s).")
    }
}

/// Unbuffered, so a log file or a parent process sees each line at once.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
