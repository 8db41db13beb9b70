import Foundation

/// A pool of grading workers sharing the persistent queue: each claims the oldest queued
/// submission, grades it while renewing its lease, stores the verdict, and repeats. At most
/// `concurrency` grade at once. Idle workers poll the queue every `pollInterval`, so a
/// submission queued by another process or machine is picked up the same way as a fresh upload.
///
/// ```swift
/// let workers = GradingWorkers(store: store, grading: grading, concurrency: 2, name: "lab-pc-3")
/// let task = Task { await workers.run() }
/// workers.stopClaiming()   // first Ctrl-C: finish what is being graded, take nothing new
/// task.cancel()            // second: put what is being graded back in the queue and stop
/// ```
///
/// Workers are named `<name>/<index>`; the name is stored with each claim, so the database
/// shows who graded what, and only the holder of a submission may store its verdict.
public final class GradingWorkers: Sendable {
    let store: GroupStore
    let grading: any SubmissionGrading
    let concurrency: Int
    let pollInterval: Double
    public let name: String
    /// Seconds a claim holds without renewal; renewed every third of it while grading.
    let lease: Double
    let log: @Sendable (String) -> Void
    private let state = WorkerState()

    public init(store: GroupStore, grading: any SubmissionGrading, concurrency: Int, pollInterval: Double = 0.1,
                name: String = GradingWorkers.defaultName, lease: Double = GroupStore.defaultLease,
                log: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.store = store
        self.grading = grading
        self.concurrency = max(1, concurrency)
        self.pollInterval = pollInterval
        self.name = name
        self.lease = max(0.5, lease)
        self.log = log
    }

    /// `<host>-<pid>`: unique per process, readable in the gradebook's database.
    public static var defaultName: String { ProcessInfo.processInfo.hostName + "-\(getpid())" }

    /// Runs the workers until the task is cancelled, or until `stopClaiming()` and the last grading ends.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<concurrency {
                group.addTask { await self.workerLoop("\(self.name)/\(index)") }
            }
        }
    }

    /// Takes no new submissions; `run()` returns when the ones being graded are stored.
    public func stopClaiming() { state.stop() }

    /// How many verdicts these workers stored, and how many submissions they are grading now.
    public var counts: (graded: Int, grading: Int) { state.counts }

    private func workerLoop(_ worker: String) async {
        // While the database is unreachable: one line when it goes, one when it is back, and a slower poll.
        var lastError: String?
        while !Task.isCancelled, !state.stopping {
            let job: GradingJob?
            do {
                job = try store.claimNext(worker: worker, lease: lease)
                if lastError != nil { log("grading worker \(worker): the database answers again") }
                lastError = nil
            } catch {
                if lastError != "\(error)" { log("grading worker \(worker): \(error)") }
                lastError = "\(error)"
                job = nil
            }
            guard let job else {
                try? await Task.sleep(nanoseconds: UInt64((lastError == nil ? pollInterval : max(pollInterval, 1)) * 1e9))
                continue
            }
            state.started()
            let result = await gradeHoldingLease(job, worker)
            state.finished()
            if Task.isCancelled {
                // Stopped mid-grading: the result may be cut short, so another worker grades it again.
                if (try? store.release(job.id, worker: worker)) == true { log("grading worker \(worker): put submission \(job.id) back in the queue") }
                return
            }
            await storeVerdict(job, result, worker)
        }
    }

    /// Stores `result`, retrying with a growing pause while the database refuses the write (a
    /// full disk, a busy file). After about one lease of failures, or when stopped, it hands
    /// the submission back to the queue; if even that write fails, the lease runs out and any
    /// worker claims it again. Either way it never stays `running` until a restart.
    private func storeVerdict(_ job: GradingJob, _ result: GradingResult, _ worker: String) async {
        var pause = 0.1
        var waited = 0.0
        var failures = 0
        while true {
            do {
                if try store.complete(job.id, result, worker: worker) {
                    state.graded()
                    if failures > 0 { log("grading worker \(worker): stored submission \(job.id) after \(failures) failed attempt(s)") }
                } else {
                    log("grading worker \(worker): submission \(job.id) was taken by another worker after the lease ran out; its verdict stands")
                }
                return
            } catch {
                failures += 1
                if failures == 1 { log("grading worker \(worker): could not store submission \(job.id), retrying: \(error)") }
            }
            if Task.isCancelled || waited >= lease {
                if (try? store.release(job.id, worker: worker)) == true {
                    log("grading worker \(worker): put submission \(job.id) back in the queue after \(failures) failed attempt(s) to store its verdict")
                } else {
                    log("grading worker \(worker): could not store or hand back submission \(job.id); it is graded again once its lease runs out (\(lease) s)")
                }
                return
            }
            try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
            waited += pause
            pause = min(pause * 2, 2)
        }
    }

    /// Grades `job` while a second task renews the lease every third of it.
    private func gradeHoldingLease(_ job: GradingJob, _ worker: String) async -> GradingResult {
        await withTaskGroup(of: GradingResult?.self) { group in
            group.addTask { await self.grading.grade(job) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(nanoseconds: UInt64(self.lease / 3 * 1e9))
                    if Task.isCancelled { break }
                    do {
                        if try !self.store.renewLease(job.id, worker: worker, lease: self.lease) {
                            self.log("grading worker \(worker): lost the lease on submission \(job.id) (another worker took it)")
                            break
                        }
                    } catch {
                        self.log("grading worker \(worker): could not renew the lease on submission \(job.id): \(error)")
                    }
                }
                return nil
            }
            var result: GradingResult?
            while let next = await group.next() {
                if let next {
                    result = next
                    group.cancelAll()
                }
            }
            return result ?? GradingResult(verdictJSON: "{}", passed: false, score: 0, maxScore: 0)
        }
    }
}

/// The pool's shared flags and counters, behind one lock.
final class WorkerState: @unchecked Sendable {
    private let lock = NSLock()
    private var isStopping = false
    private var gradedCount = 0
    private var gradingCount = 0

    var stopping: Bool { lock.withLock { isStopping } }
    var counts: (graded: Int, grading: Int) { lock.withLock { (gradedCount, gradingCount) } }
    func stop() { lock.withLock { isStopping = true } }
    func started() { lock.withLock { gradingCount += 1 } }
    func finished() { lock.withLock { gradingCount -= 1 } }
    func graded() { lock.withLock { gradedCount += 1 } }
}
