import Foundation
import Fundamentals
import Tensors

/// `llmcourse run swift-speed`: a dot product four ways, the triple-loop matrix multiply
/// against BLAS, and a loop split over threads — all timed as the demo runs.
enum SwiftSpeedDemo {
    static let demo = Demo(id: "swift-speed", summary: "A dot product four ways, the triple loop vs BLAS, and a loop on 1 vs 2 threads, timed live",
                           inputs: ["Sources/Demos/Fundamentals", "Sources/Fundamentals"]) { ctx in
        dotProducts(ctx)
        matmul(ctx)
        threads(ctx)
    }

    static func dotProducts(_ ctx: DemoContext) {
        let n = ctx.quick ? 100_000 : 1_000_000, runs = ctx.quick ? 3 : 20
        ctx.heading(ctx.tr("One dot product, four ways (n = {0}, best of {1} runs)", String(n), String(runs)))
        var rng = SplitMix64(seed: ctx.seed)
        let a = (0..<n).map { _ in rng.nextUniform() - 0.5 }, b = (0..<n).map { _ in rng.nextUniform() - 0.5 }
        let exact = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        var rows: [[String]] = [], naive = 0.0
        for way in DotProducts.all {
            var result: Float = 0
            let seconds = Stopwatch.best(of: runs) { result = way.dot(a, b) }
            if rows.isEmpty { naive = seconds }
            rows.append([ctx.tr(way.name), String(format: "%.6f", result), sci(abs(Double(result) - exact)),
                         Stopwatch.format(seconds), fixed(2 * Double(n) / seconds / 1e9, 2), fixed(naive / seconds, 1) + "×"])
        }
        ctx.table([ctx.tr("way"), ctx.tr("result"), ctx.tr("error"), ctx.tr("time"), "GFLOP/s", ctx.tr("speed-up")], rows)
        ctx.say("Exact (Double) value {0}. Each way adds in a different order, so the last digits differ.", String(format: "%.6f", exact))
    }

    static func matmul(_ ctx: DemoContext) {
        let sizes = ctx.quick ? [64, 128] : [128, 256, 512]
        ctx.heading(ctx.tr("Matrix multiply: the triple loop vs BLAS sgemm ({0} BLAS threads)", String(BLAS.threadCount)))
        var rng = SplitMix64(seed: ctx.seed)
        var rows: [[String]] = []
        for n in sizes {
            let a = Tensor.uniform([n, n], low: -1, high: 1, using: &rng), b = Tensor.uniform([n, n], low: -1, high: 1, using: &rng)
            var slow = Tensor.zeros([1, 1]), fast = slow
            let loop = Stopwatch.best(of: n >= 512 ? 1 : 2) { slow = a.matmulReference(b) }
            let blas = Stopwatch.best(of: 5) { fast = a.matmul(b) }
            let flops = 2 * pow(Double(n), 3)
            rows.append(["\(n)×\(n)", Stopwatch.format(loop), Stopwatch.format(blas), fixed(flops / loop / 1e9, 2), fixed(flops / blas / 1e9, 1),
                         String(Int((loop / blas).rounded())) + "×", sci(Double(slow.maxAbsDifference(fast)))])
        }
        ctx.table([ctx.tr("size"), ctx.tr("loop"), "BLAS", ctx.tr("loop GFLOP/s"), "BLAS GFLOP/s", ctx.tr("speed-up"), ctx.tr("max |diff|")], rows)
        ctx.say("Same products, same sums up to rounding. BLAS wins by blocking for the cache and using every SIMD lane; the loop reads B down a column, one cache line per number.")
    }

    static func threads(_ ctx: DemoContext) {
        let n = ctx.quick ? 128 : 512, runs = ctx.quick ? 2 : 3
        ctx.heading(ctx.tr("Threads: rows of C split with DispatchQueue.concurrentPerform ({0}×{0})", String(n)))
        var rng = SplitMix64(seed: ctx.seed)
        let a = Tensor.uniform([n, n], low: -1, high: 1, using: &rng), b = Tensor.uniform([n, n], low: -1, high: 1, using: &rng)
        var results: [[Float]] = []
        var times: [Double] = []
        for threads in [1, 2] {
            var c: [Float] = []
            times.append(Stopwatch.best(of: runs) { c = ThreadedLoops.matmul(a.scalars, b.scalars, m: n, k: n, n: n, threads: threads) })
            results.append(c)
        }
        ctx.table([ctx.tr("threads"), ctx.tr("time"), ctx.tr("speed-up")], [
            ["1", Stopwatch.format(times[0]), "1.00×"],
            ["2", Stopwatch.format(times[1]), fixed(times[0] / times[1], 2) + "×"],
        ])
        ctx.say("Both give identical numbers: {0}. Cores this machine reports: {1}.",
                yesNo(ctx, results[0] == results[1]), String(ProcessInfo.processInfo.activeProcessorCount))
        let speedUp = times[0] / times[1]
        if speedUp >= 1.8 {
            ctx.say("Nearly twice as fast: the rows are independent, so the threads never wait for each other.")
        } else if speedUp >= 1 {
            ctx.say("Short of 2×: other programs running at the same time take part of the cores.")
        } else {
            ctx.say("No gain: other programs kept the cores busy, so the two threads took turns instead of running side by side.")
        }
    }

    static func yesNo(_ ctx: DemoContext, _ value: Bool) -> String { value ? ctx.tr("yes") : ctx.tr("no") }
}
