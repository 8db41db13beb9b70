/// Classification scores, as scikit-learn's `accuracy_score` and `confusion_matrix` compute them.
///
/// ```swift
/// ClassificationMetrics.accuracy([0, 1, 1], [0, 1, 0])                     // 0.667
/// ClassificationMetrics.confusionMatrix([0, 1, 1], [0, 1, 0], classes: 2)  // [[1, 1], [0, 1]]
/// ```
public enum ClassificationMetrics {
    /// The share of predictions equal to their label.
    public static func accuracy(_ predictions: [Int], _ labels: [Int]) -> Double {
        precondition(predictions.count == labels.count && !labels.isEmpty, "accuracy: \(predictions.count) predictions, \(labels.count) labels")
        return Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// `m[true][predicted]`: row `i` counts the samples of class `i` by the class they were
    /// predicted as, so the diagonal holds the correct ones.
    public static func confusionMatrix(_ predictions: [Int], _ labels: [Int], classes: Int) -> [[Int]] {
        precondition(predictions.count == labels.count, "confusionMatrix: \(predictions.count) predictions, \(labels.count) labels")
        var m = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (p, y) in zip(predictions, labels) { m[y][p] += 1 }
        return m
    }
}
