import Foundation
import Tensors

/// A regression task made of several regimes, the kind of data a mixture of experts suits: each
/// input comes from one of R clusters, and each cluster has its own target map.
///
/// ```
/// r ~ Uniform{0 … R−1};  x = c_r + 0.3·ε  (ε ~ N(0, I_C))          [C]
/// y = tanh(A_r · x)                                                 [O]
/// ```
/// One network must learn R different functions; a router can send each cluster to its own experts.
public struct RegimeTask: Sendable {
    public let inputs: Int, outputs: Int
    /// `c_r`, one per regime, `[C]` each.
    public let centers: [[Float]]
    /// `A_r`, one per regime, `[O, C]` row-major.
    public let maps: [[Float]]
    public var regimes: Int { centers.count }

    public init(regimes: Int, inputs: Int, outputs: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        self.inputs = inputs
        self.outputs = outputs
        centers = (0..<regimes).map { _ in (0..<inputs).map { _ in rng.nextNormal() } }
        maps = (0..<regimes).map { _ in (0..<(outputs * inputs)).map { _ in rng.nextNormal() / Float(inputs).squareRoot() * 2 } }
    }

    /// `n` examples: inputs `[n, C]`, targets `[n, O]`, and each example's regime.
    public func batch(_ n: Int, rng: inout SplitMix64) -> (x: Tensor, y: Tensor, regime: [Int]) {
        var xs: [Float] = [], ys: [Float] = [], regime: [Int] = []
        for _ in 0..<n {
            let r = rng.nextInt(below: regimes)
            let x = centers[r].map { $0 + 0.3 * rng.nextNormal() }
            for o in 0..<outputs {
                var sum: Float = 0
                for c in 0..<inputs { sum += maps[r][o * inputs + c] * x[c] }
                ys.append(Foundation.tanh(sum))
            }
            xs += x
            regime.append(r)
        }
        return (Tensor(shape: [n, inputs], scalars: xs), Tensor(shape: [n, outputs], scalars: ys), regime)
    }
}

extension TopKRouter.Routing {
    /// Share of the routed slots each expert received (sums to 1).
    public var expertShares: [Double] {
        let counts = slotCounts, total = Double(Swift.max(counts.reduce(0, +), 1))
        return counts.map { Double($0) / total }
    }
}
