import Foundation
import Tensors

/// How far a reconstruction `x̂` is from the original `x`.
///
/// ```
/// maxAbs  = max |x − x̂|            meanAbs = mean |x − x̂|
/// mse     = mean (x − x̂)²          snr     = 10 · log10(Σx² / Σ(x − x̂)²)  dB
/// ```
public struct ErrorStatistics: Sendable, Equatable {
    public let maxAbs: Double
    public let meanAbs: Double
    public let mse: Double
    /// Signal-to-noise ratio in decibels; `+inf` for an exact reconstruction.
    public let snrDecibels: Double

    public init(original: [Float], reconstruction: [Float]) {
        precondition(original.count == reconstruction.count,
                     "ErrorStatistics: \(original.count) originals vs \(reconstruction.count) reconstructions")
        var maxAbs = 0.0, sumAbs = 0.0, sumSq = 0.0, signal = 0.0
        for (x, y) in zip(original, reconstruction) {
            let e = Double(x) - Double(y)
            maxAbs = max(maxAbs, abs(e))
            sumAbs += abs(e)
            sumSq += e * e
            signal += Double(x) * Double(x)
        }
        let n = Double(max(original.count, 1))
        self.maxAbs = maxAbs
        meanAbs = sumAbs / n
        mse = sumSq / n
        snrDecibels = sumSq == 0 ? .infinity : 10 * log10(signal / sumSq)
    }

    public init(original: Tensor, reconstruction: Tensor) {
        self.init(original: original.scalars, reconstruction: reconstruction.scalars)
    }
}
