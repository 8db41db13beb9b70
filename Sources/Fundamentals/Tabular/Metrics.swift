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

/// Regression scores, as scikit-learn's `mean_squared_error` and `r2_score` compute them.
public enum RegressionMetrics {
    /// `Σ (ŷ − y)² / n`.
    public static func meanSquaredError(_ predictions: [Double], _ targets: [Double]) -> Double {
        precondition(predictions.count == targets.count && !targets.isEmpty, "meanSquaredError: \(predictions.count) predictions, \(targets.count) targets")
        return zip(predictions, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(targets.count)
    }

    /// `R² = 1 − Σ (ŷ − y)² / Σ (y − ȳ)²`: the share of the targets' variance the model
    /// explains. 1 is perfect, 0 is no better than predicting the mean, below 0 is worse.
    public static func r2(_ predictions: [Double], _ targets: [Double]) -> Double {
        let mean = targets.reduce(0, +) / Double(targets.count)
        let total = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return 1 - meanSquaredError(predictions, targets) * Double(targets.count) / total
    }
}
