import Decoding
import Foundation
import Tensors
import Testing
import Transformers
@testable import Serving

/// The scheduler against plain one-sequence generation: whatever shares a batch, is preempted
/// or reuses a prefix, each request's tokens are the ones it gets alone.
@Suite struct ContinuousBatcherTests {
    static func model() -> GPT2Model {
        GPT2Model(config: GPT2Config(vocabularySize: 61, contextLength: 96, embeddingSize: 32, layerCount: 2, headCount: 4), seed: 11)
    }

    final class Recorder: @unchecked Sendable {
        var tokens: [String: [Int]] = [:]
        var text: [String: String] = [:]
        var finish: [String: FinishReason] = [:]
        func sink(_ id: String) -> (ServingEvent) -> Void {
            { event in
                switch event {
                case .token(let t, let s, _): self.tokens[id, default: []].append(t); self.text[id, default: ""] += s
                case .finished(let reason, _, _): self.finish[id] = reason
                }
            }
        }
    }

    static func bytes(_ token: Int) -> [UInt8] { Array("<\(token)>".utf8) }

    func prompts(_ count: Int, length: (Int) -> Int) -> [[Int]] {
        var rng = SplitMix64(seed: 7)
        return (0..<count).map { i in (0..<length(i)).map { _ in rng.nextInt(below: 61) } }
    }

    func alone(_ model: GPT2Model, _ prompt: [Int], maxTokens: Int, settings: SamplingSettings) -> [Int] {
        let pool = BlockPool(blocks: 64, blockSize: 8, layers: 2, rowSize: 32)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [])
        let recorder = Recorder()
        try! batcher.submit(ServingRequest(id: "x", prompt: prompt, settings: settings), sink: recorder.sink("x"))
        while !batcher.isIdle { batcher.step() }
        return recorder.tokens["x"] ?? []
    }

    @Test func greedyBatchedEqualsGreedyAlone() throws {
        let model = Self.model()
        let prompts = prompts(6) { 3 + 7 * $0 }
        let pool = BlockPool(blocks: 64, blockSize: 8, layers: 2, rowSize: 32)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [],
                                        limits: .init(maxRunning: 4, maxBatchTokens: 24))
        let recorder = Recorder()
        for (i, p) in prompts.enumerated() {
            try batcher.submit(ServingRequest(id: "r\(i)", prompt: p, settings: .init(maxTokens: 5 + i, temperature: 0)), sink: recorder.sink("r\(i)"))
        }
        while !batcher.isIdle { batcher.step() }
        for (i, p) in prompts.enumerated() {
            let reference = generate(model, prompt: p, config: GenerationConfig(maxNewTokens: 5 + i)).newTokens
            #expect(recorder.tokens["r\(i)"] == reference, "request \(i)")
            #expect(recorder.finish["r\(i)"] == .length)
            #expect(recorder.text["r\(i)"] == reference.map { "<\($0)>" }.joined())
        }
        #expect(pool.freeCount == pool.blockCount)
    }

    @Test func seededSamplingIgnoresItsNeighbors() throws {
        let model = Self.model()
        let prompts = prompts(4) { 5 + $0 }
        let settings = SamplingSettings(maxTokens: 12, temperature: 0.9, topP: 0.95, seed: 42)
        let pool = BlockPool(blocks: 64, blockSize: 8, layers: 2, rowSize: 32)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [])
        let recorder = Recorder()
        for (i, p) in prompts.enumerated() { try batcher.submit(ServingRequest(id: "s\(i)", prompt: p, settings: settings), sink: recorder.sink("s\(i)")) }
        while !batcher.isIdle { batcher.step() }
        for (i, p) in prompts.enumerated() {
            #expect(recorder.tokens["s\(i)"] == alone(model, p, maxTokens: 12, settings: settings))
        }
    }

    @Test func sharedPrefixIsComputedOnce() throws {
        let model = Self.model()
        let system = prompts(1) { _ in 33 }[0]
        let pool = BlockPool(blocks: 64, blockSize: 8, layers: 2, rowSize: 32)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [])
        let recorder = Recorder()
        let settings = SamplingSettings(maxTokens: 6, temperature: 0)
        try batcher.submit(ServingRequest(id: "first", prompt: system + [1, 2], settings: settings), sink: recorder.sink("first"))
        batcher.step()  // the first prompt is prefilled and its full blocks registered
        try batcher.submit(ServingRequest(id: "second", prompt: system + [3], settings: settings), sink: recorder.sink("second"))
        let blocksBefore = pool.inUseCount
        batcher.step()
        #expect(batcher.reusedPositions == 32)  // 4 full blocks of 8 shared
        #expect(pool.inUseCount - blocksBefore == 1)  // only the second's own last block
        while !batcher.isIdle { batcher.step() }
        #expect(recorder.tokens["second"] == alone(model, system + [3], maxTokens: 6, settings: settings))
        #expect(pool.freeCount == pool.blockCount && batcher.prefixCache.count == 0)
    }

    @Test func preemptedSequencesFinishWithTheSameTokens() throws {
        let model = Self.model()
        let prompts = prompts(5) { 6 + 2 * $0 }
        // 9 blocks of 4 positions: five sequences growing to 20+ positions cannot all fit.
        let pool = BlockPool(blocks: 9, blockSize: 4, layers: 2, rowSize: 32)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [])
        let recorder = Recorder()
        let settings = SamplingSettings(maxTokens: 14, temperature: 0)
        for (i, p) in prompts.enumerated() { try batcher.submit(ServingRequest(id: "p\(i)", prompt: p, settings: settings), sink: recorder.sink("p\(i)")) }
        var preempted = 0, steps = 0
        while !batcher.isIdle && steps < 500 { preempted += batcher.step().preempted; steps += 1 }
        #expect(preempted > 0)
        for (i, p) in prompts.enumerated() { #expect(recorder.tokens["p\(i)"] == alone(model, p, maxTokens: 14, settings: settings)) }
        #expect(pool.freeCount == pool.blockCount)
    }

    @Test func cancellationAndLimits() throws {
        let model = Self.model()
        let pool = BlockPool(blocks: 8, blockSize: 8, layers: 2, rowSize: 32)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [],
                                        limits: .init(maxRunning: 2, maxWaiting: 2))
        let recorder = Recorder()
        let settings = SamplingSettings(maxTokens: 30, temperature: 0)
        try batcher.submit(ServingRequest(id: "a", prompt: [1, 2, 3], settings: settings), sink: recorder.sink("a"))
        try batcher.submit(ServingRequest(id: "b", prompt: [4, 5], settings: settings), sink: recorder.sink("b"))
        #expect(throws: SubmitError.queueFull(retryAfter: 1)) {
            try batcher.submit(ServingRequest(id: "c", prompt: [6], settings: settings), sink: recorder.sink("c"))
        }
        #expect(throws: SubmitError.promptTooLong(tokens: 96, context: 96)) {
            try batcher.validate(ServingRequest(id: "d", prompt: Array(repeating: 1, count: 96), settings: settings))
        }
        #expect(throws: SubmitError.exceedsCache(tokens: 96, capacity: 64)) {
            try batcher.validate(ServingRequest(id: "e", prompt: [1], settings: .init(maxTokens: 500)))
        }
        #expect(throws: SubmitError.emptyPrompt) { try batcher.validate(ServingRequest(id: "f", prompt: [], settings: settings)) }
        for _ in 0..<3 { batcher.step() }
        batcher.cancel(id: "a")
        batcher.step()
        #expect(recorder.finish["a"] == .cancelled)
        #expect(recorder.tokens["a"]?.count == 3)
        batcher.cancel(id: "b")
        batcher.step()
        #expect(batcher.isIdle && pool.freeCount == pool.blockCount)
    }

    @Test func endOfSequenceAndStopStrings() throws {
        let model = Self.model()
        let sampled = SamplingSettings(maxTokens: 8, temperature: 1, seed: 3)  // a tiny random model repeats itself when greedy
        // A prompt whose first three greedy tokens differ, so each condition is seen on its own.
        var prompt: [Int] = [], free: [Int] = []
        for candidate in prompts(40, length: { _ in 3 }) {
            (prompt, free) = (candidate, alone(model, candidate, maxTokens: 8, settings: sampled))
            if Set(free.prefix(3)).count == 3 { break }
        }
        try #require(Set(free.prefix(3)).count == 3)
        let pool = BlockPool(blocks: 16, blockSize: 8, layers: 2, rowSize: 32)
        // The third greedy token as end-of-sequence: two tokens come out, then "stop".
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [free[2]])
        let recorder = Recorder()
        try batcher.submit(ServingRequest(id: "eos", prompt: prompt, settings: sampled), sink: recorder.sink("eos"))
        // The second token's text as a stop string: the first token's text comes out.
        try batcher.submit(ServingRequest(id: "stop", prompt: prompt, settings: .init(maxTokens: 8, temperature: 1, seed: 3, stop: ["<\(free[1])>"])),
                           sink: recorder.sink("stop"))
        while !batcher.isIdle { batcher.step() }
        #expect(recorder.tokens["eos"] == Array(free.prefix(2)))
        #expect(recorder.finish["eos"] == .stop && recorder.finish["stop"] == .stop)
        #expect(recorder.text["stop"] == "<\(free[0])>")
    }

    @Test func continuousNeedsFewerStepsThanStatic() throws {
        let model = Self.model()
        let prompts = prompts(8) { _ in 4 }
        func steps(_ policy: ContinuousBatcher.Policy) throws -> Int {
            let pool = BlockPool(blocks: 64, blockSize: 8, layers: 2, rowSize: 32)
            let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: Self.bytes, endTokens: [],
                                            limits: .init(maxRunning: 4), policy: policy)
            for (i, p) in prompts.enumerated() {
                // Lengths 2, 20, 2, 20, …: static batches wait for their longest member.
                try batcher.submit(ServingRequest(id: "\(i)", prompt: p, settings: .init(maxTokens: i % 2 == 0 ? 2 : 20, temperature: 0)), sink: { _ in })
            }
            var count = 0
            while !batcher.isIdle { batcher.step(); count += 1 }
            return count
        }
        let continuous = try steps(.continuous), batched = try steps(.staticBatches)
        #expect(batched == 40)  // two batches of four, each as long as its 20-token member
        #expect(continuous < batched)
    }
}
