import Foundation

/// A pool of grading workers sharing the persistent queue: each claims the oldest queued
/// submission, grades it, stores the verdict, and repeats. At most `concurrency` grade at once.
/// Idle workers poll the queue every `pollInterval`, so a submission queued by another process
/// (or left by a crash and re-queued) is picked up the same way as a fresh upload.
public final class GradingWorkers: Sendable {
    let store: GroupStore
    let grading: any SubmissionGrading
    let concurrency: Int
    let pollInterval: Double
    let name: String

    public init(store: GroupStore, grading: any SubmissionGrading, concurrency: Int, pollInterval: Double = 0.1,
                name: String = ProcessInfo.processInfo.hostName + "-\(getpid())") {
        self.store = store
        self.grading = grading
        self.concurrency = max(1, concurrency)
        self.pollInterval = pollInterval
        self.name = name
    }

    /// Runs the workers until the task is cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<concurrency {
                group.addTask { await self.workerLoop(index) }
            }
        }
    }

    private func workerLoop(_ index: Int) async {
        let worker = "\(name)/\(index)"
        while !Task.isCancelled {
            let job: GradingJob?
            do {
                job = try store.claimNext(worker: worker)
            } catch {
                FileHandle.standardError.write(Data("grading worker \(worker): \(error)\n".utf8))
                job = nil
            }
            guard let job else {
                try? await Task.sleep(nanoseconds: UInt64(pollInterval * 1e9))
                continue
            }
            let result = await grading.grade(job)
            do {
                try store.complete(job.id, result)
            } catch {
                FileHandle.standardError.write(Data("grading worker \(worker): could not store submission \(job.id): \(error)\n".utf8))
            }
        }
    }
}
