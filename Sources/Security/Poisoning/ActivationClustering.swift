import Foundation

/// Activation clustering (Chen et al., "Detecting Backdoor Attacks on Deep Neural Networks by
/// Activation Clustering", 2018), a second detector for the same representations as
/// ``SpectralSignature``: split one label's examples into two clusters and suspect the smaller one.
///
/// ```
/// R  [n, d]  representations of one label's examples
/// P  [n, k]  R centered and projected on its top k principal directions (k small, e.g. 3)
/// 2-means on P: two centroids, each row to the nearer one, centroids to their rows' means, repeat
/// suspect the smaller cluster when it holds at most `maximumShare` of the rows
/// ```
///
/// Clean examples of one label spread in one cloud, so a 2-means cut divides it into two halves
/// of similar size; poison that the model represents its own way forms a small, separate cluster.
/// The paper reduces dimensions with ICA; principal directions (power iteration with deflation)
/// keep the same idea with the tools of this module.
public enum ActivationClustering {
    /// Indices of the rows in the smaller of the two clusters, ascending, or none when that
    /// cluster holds more than `maximumShare` of the rows (a clean label split in two).
    public static func suspects(_ representations: [[Double]], dimensions: Int = 3, maximumShare: Double = 0.35,
                                iterations: Int = 50) -> [Int] {
        let labels = twoMeans(project(representations, dimensions: dimensions), iterations: iterations)
        let ones = labels.indices.filter { labels[$0] == 1 }, zeros = labels.indices.filter { labels[$0] == 0 }
        let smaller = ones.count <= zeros.count ? ones : zeros
        return Double(smaller.count) <= maximumShare * Double(labels.count) ? smaller : []
    }

    /// R [n, d] centered and projected on its top `dimensions` principal directions: [n, k].
    public static func project(_ representations: [[Double]], dimensions: Int) -> [[Double]] {
        let n = representations.count, d = representations.first?.count ?? 0
        let mean = (0..<d).map { j in representations.reduce(0) { $0 + $1[j] } / Double(max(n, 1)) }
        var rest = representations.map { zip($0, mean).map { $0 - $1 } }
        var directions: [[Double]] = []
        for _ in 0..<min(dimensions, d) {
            let v = SpectralSignature.topRightSingularVector(rest)
            directions.append(v)
            // Deflate: remove v's component from every row, so the next direction is orthogonal.
            rest = rest.map { row in
                let p = zip(row, v).reduce(0) { $0 + $1.0 * $1.1 }
                return zip(row, v).map { $0 - p * $1 }
            }
        }
        let centered = representations.map { zip($0, mean).map { $0 - $1 } }
        return centered.map { row in directions.map { v in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } } }
    }

    /// Lloyd's 2-means on the rows of `points` [n, k]: a label 0 or 1 per row. Deterministic: the
    /// first centroid is the row farthest from the mean, the second the row farthest from it.
    public static func twoMeans(_ points: [[Double]], iterations: Int = 50) -> [Int] {
        guard points.count > 1 else { return points.map { _ in 0 } }
        func distance(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        let k = points[0].count
        let mean = (0..<k).map { j in points.reduce(0) { $0 + $1[j] } / Double(points.count) }
        let first = points.indices.max { distance(points[$0], mean) < distance(points[$1], mean) }!
        let second = points.indices.max { distance(points[$0], points[first]) < distance(points[$1], points[first]) }!
        var centroids = [points[first], points[second]]
        var labels = [Int](repeating: 0, count: points.count)
        for _ in 0..<iterations {
            let next = points.map { distance($0, centroids[0]) <= distance($0, centroids[1]) ? 0 : 1 }
            for c in 0..<2 {
                let members = points.indices.filter { next[$0] == c }
                if !members.isEmpty {
                    centroids[c] = (0..<k).map { j in members.reduce(0) { $0 + points[$1][j] } / Double(members.count) }
                }
            }
            if next == labels { break }
            labels = next
        }
        return labels
    }
}
