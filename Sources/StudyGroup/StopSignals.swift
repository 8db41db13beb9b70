import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM as counted events instead of an immediate exit: a worker drains on the
/// first (finishes what it grades) and puts its claims back in the queue on the second.
///
/// ```swift
/// let signals = StopSignals { count in count == 1 ? workers.stopClaiming() : task.cancel() }
/// ```
public final class StopSignals: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "llmcourse.stop-signals")
    private var count = 0

    public init(_ handler: @escaping @Sendable (Int) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in
                self.count += 1
                handler(self.count)
            }
            source.resume()
            sources.append(source)
        }
    }

    public func cancel() {
        queue.sync { sources.forEach { $0.cancel() } }
    }
}
