import Tensors

/// A seeded split of `count` samples into training and test indices, like scikit-learn's
/// `train_test_split(…, test_size=, random_state=)`.
///
/// The indices are shuffled with ``SplitMix64`` (Fisher–Yates), so the same seed gives the same
/// split on every machine; the first `count − testCount` shuffled indices train, the rest
/// test. `stratifiedBy` keeps each class's share the same in both parts.
///
/// ```swift
/// let split = TrainTestSplit(count: 150, testFraction: 0.2, seed: 42)
/// split.train.count   // 120
/// split.test.count    // 30
/// ```
public struct TrainTestSplit: Sendable, Equatable {
    public let train: [Int]
    public let test: [Int]

    /// `testFraction` of the samples (rounded, at least 1 when `count > 1`) go to the test part.
    public init(count: Int, testFraction: Double, seed: UInt64) {
        precondition(count >= 0 && testFraction > 0 && testFraction < 1, "TrainTestSplit: need count ≥ 0 and 0 < testFraction < 1")
        var rng = SplitMix64(seed: seed)
        let order = rng.permutation(count)
        let testCount = count > 1 ? Swift.min(count - 1, Swift.max(1, Int((Double(count) * testFraction).rounded()))) : 0
        train = Array(order[..<(count - testCount)])
        test = Array(order[(count - testCount)...])
    }

    /// A split that takes `testFraction` of every class to the test part, so a class that is a
    /// third of the data is a third of both parts.
    public init(labels: [Int], testFraction: Double, seed: UInt64) {
        precondition(testFraction > 0 && testFraction < 1, "TrainTestSplit: need 0 < testFraction < 1")
        var rng = SplitMix64(seed: seed)
        var train: [Int] = [], test: [Int] = []
        for label in Set(labels).sorted() {
            let members = labels.indices.filter { labels[$0] == label }
            let order = rng.permutation(members.count).map { members[$0] }
            let testCount = Swift.min(order.count - 1, Swift.max(order.count > 1 ? 1 : 0, Int((Double(order.count) * testFraction).rounded())))
            train += order[..<(order.count - testCount)]
            test += order[(order.count - testCount)...]
        }
        self.train = train
        self.test = test
    }

    /// The elements of `values` at `indices`, in that order.
    public static func take<T>(_ values: [T], _ indices: [Int]) -> [T] { indices.map { values[$0] } }
}
