import Foundation

/// A ``ContinuousBatcher`` on a thread of its own, fed from any thread.
///
/// HTTP handlers call ``submit(_:sink:)`` and ``cancel(id:)``; the engine thread drains those
/// into the batcher before each step and sleeps when there is nothing to do. Events reach each
/// request's sink on the engine thread, so a sink only hands them on (to an `AsyncStream`).
///
/// ```swift
/// let engine = ServingEngine(batcher)
/// engine.start()
/// try engine.submit(request) { event in continuation.yield(event) }
/// ```
public final class ServingEngine: @unchecked Sendable {
    public let batcher: ContinuousBatcher
    private let condition = NSCondition()
    private var inbox: [(ServingRequest, (ServingEvent) -> Void)] = []
    private var cancellations: [String] = []
    private var stopping = false
    private var thread: Thread?
    private var published = Statistics()

    /// A snapshot for `/health` and the load-test chapter.
    public struct Statistics: Sendable, Codable, Equatable {
        public var running = 0
        public var waiting = 0
        public var blocksInUse = 0
        public var blocksTotal = 0
        public var peakBlocksInUse = 0
        public var steps = 0
        public var generatedTokens = 0
        public var reusedPrefixTokens = 0
        public var preemptions = 0
    }

    public init(_ batcher: ContinuousBatcher) {
        self.batcher = batcher
        published.blocksTotal = batcher.pool.blockCount
    }

    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "llmcourse-engine"
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
    }

    /// Ends the loop after the current step; requests still queued are cancelled.
    public func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    public var statistics: Statistics {
        condition.lock(); defer { condition.unlock() }
        return published
    }

    /// Queues a request, or refuses it at once (invalid, or the queue is full).
    public func submit(_ request: ServingRequest, sink: @escaping (ServingEvent) -> Void) throws(SubmitError) {
        condition.lock(); defer { condition.unlock() }
        guard !stopping else { throw .queueFull(retryAfter: 5) }
        guard published.waiting + inbox.count < batcher.limits.maxWaiting else { throw .queueFull(retryAfter: 1) }
        try batcher.validateShape(request)
        inbox.append((request, sink))
        condition.signal()
    }

    public func cancel(id: String) {
        condition.lock()
        cancellations.append(id)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while inbox.isEmpty && cancellations.isEmpty && batcher.isIdle && !stopping { condition.wait() }
            let (arrived, cancelled, stop) = (inbox, cancellations, stopping)
            inbox = []
            cancellations = []
            condition.unlock()
            for (request, sink) in arrived {
                do throws(SubmitError) { try batcher.submit(request, sink: sink) } catch {
                    // Only a duplicate id can fail here; the shape was checked on submission.
                    sink(.finished(.cancelled, promptTokens: request.prompt.count, completionTokens: 0))
                }
            }
            for id in cancelled { batcher.cancel(id: id) }
            if stop {
                for id in (batcher.waiting + batcher.running).map(\.request.id) { batcher.cancel(id: id) }
            }
            let report = batcher.step()
            condition.lock()
            published.running = batcher.runningCount
            published.waiting = batcher.waitingCount
            published.blocksInUse = batcher.pool.inUseCount
            published.peakBlocksInUse = batcher.pool.peakInUse
            published.steps += report.sequences > 0 ? 1 : 0
            published.generatedTokens += report.sampled
            published.reusedPrefixTokens = batcher.reusedPositions
            published.preemptions += report.preempted
            condition.unlock()
            if stop && batcher.isIdle { return }
        }
    }
}
