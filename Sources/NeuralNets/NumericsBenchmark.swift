import Foundation
import Autograd
import Tensors

/// The core numeric workloads, timed: matrix products and MLP training steps.
///
/// `llmcourse bench` prints these; `Scripts/bench/numerics.py` runs the same workloads in NumPy
/// and PyTorch so the ratios compare like with like. Times are medians of repeated runs: the
/// median ignores the occasional run slowed by another process on a shared machine.
public enum NumericsBenchmark {
    /// A timing summary.
    public struct Result: Sendable {
        public let name: String
        /// Median seconds per operation.
        public let medianSeconds: Double
        /// Operations per second derived from the median (GFLOP/s for matmul, steps/s for training).
        public let rate: Double
        public let unit: String
    }

    /// The MLP the benchmark trains: 64 → 256 → 256 → 10 with ReLU, batch 256, Adam (lr 1e-3).
    public static let mlpSizes = [64, 256, 256, 10]
    public static let mlpBatch = 256

    /// Times `C = A·B` for `n × n` Float32 matrices: the median of `repeats` timings, each of
    /// enough products to last about `minimumSeconds`.
    public static func matmul(size n: Int, repeats: Int = 7, minimumSeconds: Double = 0.05) -> Result {
        var rng = SplitMix64(seed: 1)
        let a = Tensor.normal([n, n], using: &rng), b = Tensor.normal([n, n], using: &rng)
        var c = Tensor.zeros([n, n])
        let product: () -> Void = {
            c.scalars.withUnsafeMutableBufferPointer { out in
                Tensor.gemm(transposeA: false, transposeB: false, m: n, n: n, k: n, a: a.scalars, b: b.scalars,
                            c: out.baseAddress!, beta: 0)
            }
        }
        let seconds = medianTime(repeats: repeats, minimumSeconds: minimumSeconds, product)
        return Result(name: "matmul \(n)", medianSeconds: seconds, rate: 2 * pow(Double(n), 3) / seconds / 1e9, unit: "GFLOP/s")
    }

    /// Times one training step (zero gradients, forward, cross-entropy, backward, Adam update)
    /// of the benchmark MLP on a fixed random batch.
    public static func mlpTrainingStep(repeats: Int = 7, minimumSeconds: Double = 0.1) -> Result {
        var rng = SplitMix64(seed: 2)
        let model = MLP(mlpSizes, activation: .relu, rng: &rng)
        let adam = Adam(model.parameters(), learningRate: 1e-3)
        let x = Variable(.normal([mlpBatch, mlpSizes[0]], using: &rng))
        let targets = (0..<mlpBatch).map { _ in rng.nextInt(below: mlpSizes.last!) }
        let step: () -> Void = {
            adam.zeroGrad()
            let loss = crossEntropy(model(x), targets: targets)
            loss.backward()
            adam.step()
        }
        let seconds = medianTime(repeats: repeats, minimumSeconds: minimumSeconds, step)
        return Result(name: "MLP train step", medianSeconds: seconds, rate: 1 / seconds, unit: "steps/s")
    }

    /// Median seconds per call of `body`, after a warm-up.
    public static func medianTime(repeats: Int, minimumSeconds: Double, _ body: () -> Void) -> Double {
        // Warm up (thread pools, caches) and find how many calls fill minimumSeconds.
        var calls = 1
        while true {
            let elapsed = time(calls, body)
            if elapsed >= minimumSeconds / 4 || calls >= 1 << 20 {
                calls = Swift.max(1, Int(Double(calls) * minimumSeconds / Swift.max(elapsed, 1e-9)))
                break
            }
            calls *= 4
        }
        let samples = (0..<Swift.max(repeats, 1)).map { _ in time(calls, body) / Double(calls) }.sorted()
        return samples[samples.count / 2]
    }

    private static func time(_ calls: Int, _ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
