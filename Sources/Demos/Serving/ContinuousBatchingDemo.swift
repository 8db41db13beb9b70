import Dispatch
import Foundation
import Serving
import Tensors
import Transformers

/// `llmcourse run continuous-batching`: the serving engine's scheduler on one workload three
/// ways — static batches, continuous batching, and continuous batching with a shared prompt
/// prefix — plus what the paged KV cache holds compared with contiguous reservations.
enum ContinuousBatchingDemo {
    static let demo = Demo(id: "continuous-batching", summary: "Static vs continuous batching on one workload, the paged KV cache's memory, and a shared prompt prefix",
                           inputs: ["Sources/Demos/Serving", "Sources/Serving"]) { ctx in try run(ctx) }

    /// One request of the workload.
    struct Job { let prompt: [Int]; let answer: Int }

    /// What one run of the workload measured.
    struct Outcome {
        var seconds = 0.0, steps = 0, tokens = 0, sequencesInSteps = 0, prefillTokens = 0
        var latencies: [Double] = []
        var peakBlocks = 0, reused = 0
        var meanBatch: Double { steps > 0 ? Double(sequencesInSteps) / Double(steps) : 0 }
        var tokensPerSecond: Double { Double(tokens) / seconds }
        func latency(_ quantile: Double) -> Double {
            let sorted = latencies.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * quantile).rounded()))]
        }
    }

    static func run(_ ctx: DemoContext) throws {
        let config = ctx.quick
            ? GPT2Config(vocabularySize: 512, contextLength: 256, embeddingSize: 64, layerCount: 2, headCount: 4)
            : GPT2Config(vocabularySize: 4096, contextLength: 256, embeddingSize: 256, layerCount: 4, headCount: 4)
        let model = GPT2Model(config: config, seed: ctx.seed)
        let slots = 8, blockSize = 16
        let jobs = workload(count: ctx.quick ? 12 : 32, vocabulary: config.vocabularySize, seed: ctx.seed)
        ctx.say("model: GPT-2 shape, {0} layers of width {1}, {2} parameters, random weights.",
                "\(config.layerCount)", "\(config.embeddingSize)", "\(model.parameterCount)")
        ctx.say("workload: {0} requests arriving together; prompts of {1}–{2} tokens; answers of {3}–{4} tokens, most short, a few long; {5} sequences per step at most.",
                "\(jobs.count)", "\(jobs.map(\.prompt.count).min()!)", "\(jobs.map(\.prompt.count).max()!)",
                "\(jobs.map(\.answer).min()!)", "\(jobs.map(\.answer).max()!)", "\(slots)")

        ctx.heading(ctx.tr("Static vs continuous batching"))
        let progress = ctx.progress(ctx.tr("serving the workload"), total: 3)
        let staticRun = serve(jobs, model: model, policy: .staticBatches, slots: slots, blockSize: blockSize); progress.advance()
        let continuousRun = serve(jobs, model: model, policy: .continuous, slots: slots, blockSize: blockSize); progress.advance()
        let system = (0..<64).map { ($0 * 37 + 11) % config.vocabularySize }
        let sharedJobs = jobs.map { Job(prompt: system + $0.prompt.prefix(16), answer: $0.answer) }
        let unshared = serve(sharedJobs, model: model, policy: .continuous, slots: slots, blockSize: blockSize, sharePrefixes: false)
        let shared = serve(sharedJobs, model: model, policy: .continuous, slots: slots, blockSize: blockSize); progress.advance()
        progress.finish()
        ctx.table([ctx.tr("policy"), ctx.tr("steps"), ctx.tr("seconds"), ctx.tr("tokens/s"), ctx.tr("mean batch"), ctx.tr("mean latency s"), ctx.tr("p95 latency s")],
                  [(ctx.tr("static"), staticRun), (ctx.tr("continuous"), continuousRun)].map { name, o in
                      [name, "\(o.steps)", fixed(o.seconds, 2), fixed(o.tokensPerSecond, 0), fixed(o.meanBatch, 1), fixed(o.latency(0.5), 2), fixed(o.latency(0.95), 2)]
                  })
        ctx.say("Continuous batching served the same {0} tokens {1}× faster: a static batch runs as long as its longest answer while finished slots sit empty, so its batches averaged {2} sequences against {3}.",
                "\(continuousRun.tokens)", fixed(continuousRun.tokensPerSecond / staticRun.tokensPerSecond, 2), fixed(staticRun.meanBatch, 1), fixed(continuousRun.meanBatch, 1))

        ctx.heading(ctx.tr("The paged KV cache"))
        let bytesPerToken = 2 * config.layerCount * config.embeddingSize * 4
        let contiguous = slots * config.contextLength * bytesPerToken
        let paged = continuousRun.peakBlocks * blockSize * bytesPerToken
        ctx.table([ctx.tr("cache"), ctx.tr("reserved"), ctx.tr("bytes")],
                  [[ctx.tr("contiguous: the whole context per slot"), "\(slots) × \(config.contextLength) " + ctx.tr("positions"), "\(contiguous)"],
                   [ctx.tr("paged: peak blocks in use"), "\(continuousRun.peakBlocks) × \(blockSize) " + ctx.tr("positions"), "\(paged)"]])
        ctx.say("{0} bytes of keys and values per token; at its peak the paged cache held {1}% of what contiguous reservations would have set aside.",
                "\(bytesPerToken)", fixed(100 * Double(paged) / Double(contiguous), 0))

        ctx.heading(ctx.tr("A shared system prompt"))
        ctx.table([ctx.tr("prefix blocks"), ctx.tr("prompt tokens computed"), ctx.tr("positions reused"), ctx.tr("seconds"), ctx.tr("tokens/s")],
                  [[ctx.tr("not shared"), "\(unshared.prefillTokens)", "\(unshared.reused)", fixed(unshared.seconds, 2), fixed(unshared.tokensPerSecond, 0)],
                   [ctx.tr("shared"), "\(shared.prefillTokens)", "\(shared.reused)", fixed(shared.seconds, 2), fixed(shared.tokensPerSecond, 0)]])
        ctx.say("Every prompt starts with the same {0}-token system prompt: with sharing, a request admitted after the first one's prefill adopts its full blocks and computes only its own tokens.",
                "\(system.count)")
    }

    /// Prompts of 16–48 tokens; answer lengths mostly short with a long tail (8–128), seeded.
    static func workload(count: Int, vocabulary: Int, seed: UInt64) -> [Job] {
        var rng = SplitMix64(seed: seed &+ 17)
        return (0..<count).map { _ in
            let prompt = (0..<(16 + rng.nextInt(below: 33))).map { _ in rng.nextInt(below: vocabulary) }
            let u = rng.nextUniformDouble()
            return Job(prompt: prompt, answer: 8 + Int(120 * u * u * u))
        }
    }

    // ANCHOR: serve-workload
    /// Submits every job at once and steps the batcher until all are done, timing each request.
    static func serve(_ jobs: [Job], model: GPT2Model, policy: ContinuousBatcher.Policy, slots: Int, blockSize: Int,
                      sharePrefixes: Bool = true) -> Outcome {
        let layout = model.pagedCacheLayout
        let pool = BlockPool(blocks: slots * model.contextLength / blockSize, blockSize: blockSize, layers: layout.layers, rowSize: layout.rowSize)
        let batcher = ContinuousBatcher(model: model, pool: pool, tokenBytes: { _ in [] }, endTokens: [],
                                        limits: .init(maxRunning: slots, maxBatchTokens: 256), policy: policy)
        batcher.sharesPrefixes = sharePrefixes
        var outcome = Outcome()
        let start = DispatchTime.now().uptimeNanoseconds
        func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        for (i, job) in jobs.enumerated() {
            let settings = SamplingSettings(maxTokens: job.answer, temperature: 0, ignoreEndOfSequence: true)
            try? batcher.submit(ServingRequest(id: "\(i)", prompt: job.prompt, settings: settings)) { event in
                if case .finished = event { outcome.latencies.append(now()) }
            }
        }
        while !batcher.isIdle {
            let report = batcher.step()
            guard report.sequences > 0 else { continue }
            outcome.steps += 1
            outcome.sequencesInSteps += report.sequences
            outcome.tokens += report.sampled
            outcome.prefillTokens += report.prefillTokens
        }
        outcome.seconds = now()
        outcome.peakBlocks = pool.peakInUse
        outcome.reused = batcher.reusedPositions
        return outcome
    }
    // ANCHOR_END: serve-workload
}
