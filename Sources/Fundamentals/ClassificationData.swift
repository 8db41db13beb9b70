import Foundation
import Tensors

/// Generated 2-D classification sets: points `[N, 2]` and a class label per point.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let data = ClassificationData.spirals(perClass: 100, rng: &rng)   // 200 points, labels 0 and 1
/// let x = data.inputs                                              // Tensor [200, 2]
/// ```
public struct ClassificationData {
    public var points: [(x: Double, y: Double)]
    public var labels: [Int]

    public init(points: [(x: Double, y: Double)], labels: [Int]) {
        self.points = points
        self.labels = labels
    }

    public var count: Int { labels.count }

    /// The points as a `[N, 2]` tensor for a model.
    public var inputs: Tensor { Tensor(shape: [count, 2], scalars: points.flatMap { [Float($0.x), Float($0.y)] }) }

    /// Two interleaved spirals: class k winds from the center at angle offset k·π.
    /// `noise` is the standard deviation of Gaussian jitter added to each coordinate.
    public static func spirals(perClass n: Int, turns: Double = 1.5, noise: Double = 0.04, rng: inout SplitMix64) -> ClassificationData {
        var data = ClassificationData(points: [], labels: [])
        for k in 0..<2 {
            for i in 0..<n {
                let t = 0.15 + 0.85 * Double(i) / Double(max(n - 1, 1))   // radius
                let angle = 2 * Double.pi * turns * t + Double(k) * Double.pi
                data.points.append((t * cos(angle) + noise * rng.normalDouble(), t * sin(angle) + noise * rng.normalDouble()))
                data.labels.append(k)
            }
        }
        return data
    }

    /// Two interlocking half circles ("moons"), each with n points placed at random angles.
    public static func moons(perClass n: Int, noise: Double = 0.15, rng: inout SplitMix64) -> ClassificationData {
        var data = ClassificationData(points: [], labels: [])
        for k in 0..<2 {
            for _ in 0..<n {
                let a = Double.pi * rng.nextUniformDouble()
                let (x, y) = k == 0 ? (cos(a), sin(a)) : (1 - cos(a), 0.5 - sin(a))
                data.points.append((x + noise * rng.normalDouble(), y + noise * rng.normalDouble()))
                data.labels.append(k)
            }
        }
        return data
    }
}
