import Foundation

/// The scheduler of a serving engine: which sequences run in the next forward step.
///
/// **Static batching** takes a batch of requests, runs it until its *last* sequence finishes,
/// then takes the next batch: short answers sit idle while the longest one finishes, and new
/// requests wait for the whole batch. **Continuous batching** (Yu et al. 2022, "Orca") decides
/// again at every step: finished sequences leave at once, their blocks go back to the pool,
/// and waiting requests join the running ones — a new prompt is prefilled in the same forward
/// pass in which the others decode one token each.
///
/// One ``step()``:
/// 1. drop cancelled and timed-out sequences, freeing their blocks;
/// 2. admit waiting requests while there is room (running slots and free blocks), reusing
///    cached blocks of a shared prompt prefix;
/// 3. give each running sequence its next chunk — one token when decoding, up to the token
///    budget when prefilling — reserving blocks, and preempting the newest sequence when the
///    pool runs dry (it starts over later: recomputation is cheaper than swapping on a CPU);
/// 4. run the model once on all chunks, sample a token for each sequence whose prompt is done,
///    emit it, and finish sequences that hit a stop condition.
///
/// ```swift
/// let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: { tokenizer.decodeBytes([$0]) }, endTokens: [eos])
/// try batcher.submit(ServingRequest(id: "a", prompt: ids, settings: .init(maxTokens: 20))) { event in print(event) }
/// while !batcher.isIdle { batcher.step() }
/// ```
public final class ContinuousBatcher {
    public enum Policy: String, Sendable { case continuous, staticBatches = "static" }

    public struct Limits: Sendable {
        /// Sequences in one forward step.
        public var maxRunning: Int
        /// Requests that may wait for a slot; more are refused with ``SubmitError/queueFull(retryAfter:)``.
        public var maxWaiting: Int
        /// New tokens in one forward step (long prompts are prefilled in chunks of at most this).
        public var maxBatchTokens: Int

        public init(maxRunning: Int = 32, maxWaiting: Int = 256, maxBatchTokens: Int = 512) {
            self.maxRunning = maxRunning
            self.maxWaiting = maxWaiting
            self.maxBatchTokens = maxBatchTokens
        }
    }

    /// What one step did.
    public struct StepReport: Sendable, Equatable {
        public var admitted = 0
        public var preempted = 0
        /// Sequences in the forward pass, and their new tokens in all.
        public var sequences = 0
        public var batchTokens = 0
        /// Of those, prompt tokens (prefill, or a preempted sequence's recomputation).
        public var prefillTokens = 0
        public var sampled = 0
        public var finished = 0
    }

    public let model: any PagedLanguageModel
    public let pool: BlockPool
    public let limits: Limits
    public let policy: Policy
    public let endTokens: Set<Int>
    /// Reuse the KV blocks of identical prompt prefixes (on by default).
    public var sharesPrefixes = true
    let tokenBytes: (Int) -> [UInt8]
    var waiting: [ServingSequence] = []
    var running: [ServingSequence] = []
    public internal(set) var prefixCache = PrefixCache()
    var admissionCounter = 0
    /// Positions whose prefill was skipped because their blocks were shared.
    public internal(set) var reusedPositions = 0

    public init(model: any PagedLanguageModel, pool: BlockPool, tokenBytes: @escaping (Int) -> [UInt8], endTokens: Set<Int>,
                limits: Limits = Limits(), policy: Policy = .continuous) {
        self.model = model
        self.pool = pool
        self.tokenBytes = tokenBytes
        self.endTokens = endTokens
        self.limits = limits
        self.policy = policy
    }

    public var waitingCount: Int { waiting.count }
    public var runningCount: Int { running.count }
    public var isIdle: Bool { waiting.isEmpty && running.isEmpty }

    /// Refuses a request that can never run; says nothing about the queue.
    public func validate(_ request: ServingRequest) throws(SubmitError) {
        try validateShape(request)
        guard !(waiting + running).contains(where: { $0.request.id == request.id }) else { throw .duplicateID(request.id) }
    }

    /// The checks that depend only on the request and the fixed sizes (safe from any thread).
    public func validateShape(_ request: ServingRequest) throws(SubmitError) {
        guard !request.prompt.isEmpty else { throw .emptyPrompt }
        guard request.prompt.count < model.contextLength else { throw .promptTooLong(tokens: request.prompt.count, context: model.contextLength) }
        let needed = min(request.prompt.count + request.settings.maxTokens, model.contextLength)
        let capacity = pool.blockCount * pool.blockSize
        guard needed <= capacity else { throw .exceedsCache(tokens: needed, capacity: capacity) }
    }

    /// Queues a request; `sink` receives its events on the thread that calls ``step()``.
    public func submit(_ request: ServingRequest, sink: @escaping (ServingEvent) -> Void) throws(SubmitError) {
        try validate(request)
        guard waiting.count < limits.maxWaiting else { throw .queueFull(retryAfter: 1) }
        waiting.append(ServingSequence(request, sink: sink))
    }

    /// Marks a request cancelled; the next step frees it.
    public func cancel(id: String) {
        for s in waiting + running where s.request.id == id { s.cancelled = true }
    }

    /// Runs one scheduling round and one forward pass.
    @discardableResult
    public func step() -> StepReport {
        var report = StepReport()
        dropCancelledAndExpired(&report)
        admit(&report)
        let chunks = schedule(&report)
        guard !chunks.isEmpty else { return report }
        run(chunks, &report)
        return report
    }
}
