import Dispatch
import Foundation

extension ServingServer {
    /// Starts the server on a dispatch queue of its own and returns the bound port once it
    /// listens; `stop()` on the returned handle ends it.
    ///
    /// For callers that block their thread while the server works (a demo measuring it, a test):
    /// on the shared cooperative thread pool, callers that already hold every pool thread would
    /// leave the server no thread to start on.
    public func startInBackground(timeout: Double = 60) throws -> BackgroundServer {
        let handle = BackgroundServer()
        let executor = QueueExecutor()
        handle.task = Task(executorPreference: executor) { [self] in
            try await run { port in handle.ready(port) }
        }
        guard handle.started.wait(timeout: .now() + timeout) == .success else {
            handle.stop()
            throw BackgroundServer.NotStarted(seconds: timeout)
        }
        return handle
    }
}

/// A server started by ``ServingServer/startInBackground(timeout:)``.
public final class BackgroundServer: @unchecked Sendable {
    public private(set) var port = 0
    let started = DispatchSemaphore(value: 0)
    var task: Task<Void, any Error>?

    func ready(_ port: Int) {
        self.port = port
        started.signal()
    }

    public func stop() { task?.cancel() }

    public struct NotStarted: Error, CustomStringConvertible {
        let seconds: Double
        public var description: String { "the server did not start listening within \(Int(seconds)) s" }
    }
}

/// Runs tasks on a serial dispatch queue instead of the cooperative pool.
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    let queue = DispatchQueue(label: "llmcourse.serve")
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
