import Foundation

/// Maximum-likelihood fits of a Gaussian and of a categorical distribution, and their
/// log-likelihoods: the estimate is the parameter value under which the observed data are
/// most probable.
///
/// ```
/// Gaussian:     log p(x | μ, σ²) = −½ log(2πσ²) − (x − μ)² / (2σ²)
///               argmax Σ log p(x_i) :  μ̂ = mean(x),  σ̂² = (1/n) Σ (x_i − μ̂)²
/// Categorical:  log p(y | π) = log π_y
///               argmax Σ log π_{y_i} subject to Σ π = 1 :  π̂_k = count_k / n
/// Mean negative log-likelihood −(1/n) Σ log π_{y_i} is the cross-entropy loss.
/// ```
///
/// ```swift
/// let (mu, variance) = MaximumLikelihood.fitGaussian([1, 2, 4])        // 7/3, 14/9
/// let pi = MaximumLikelihood.fitCategorical([0, 0, 2], classes: 3)     // [2/3, 0, 1/3]
/// let nll = MaximumLikelihood.negativeLogLikelihood([0, 0, 2], probabilities: pi)
/// ```
public enum MaximumLikelihood {
    // ANCHOR: gaussian
    /// log N(x | μ, σ²) summed over the sample.
    public static func gaussianLogLikelihood(_ x: [Double], mean mu: Double,
                                             variance v: Double) -> Double {
        x.reduce(0) { $0 - 0.5 * log(2 * Double.pi * v) - ($1 - mu) * ($1 - mu) / (2 * v) }
    }

    /// The maximum-likelihood Gaussian: setting ∂/∂μ and ∂/∂σ² of the
    /// log-likelihood to zero gives the sample mean and the variance with 1/n.
    public static func fitGaussian(_ x: [Double]) -> (mean: Double, variance: Double) {
        (Statistics.mean(x), Statistics.variance(x))
    }
    // ANCHOR_END: gaussian

    // ANCHOR: categorical
    /// The maximum-likelihood categorical distribution over `classes` classes:
    /// the observed frequencies.
    public static func fitCategorical(_ labels: [Int], classes: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: classes)
        labels.forEach { counts[$0] += 1 }
        return counts.map { $0 / Double(labels.count) }
    }

    /// −(1/n) Σ log π_{y_i}: the mean negative log-likelihood of the labels,
    /// which is the cross-entropy between the data and π.
    public static func negativeLogLikelihood(_ labels: [Int],
                                             probabilities pi: [Double]) -> Double {
        -labels.reduce(0) { $0 + log(pi[$1]) } / Double(labels.count)
    }
    // ANCHOR_END: categorical

    /// The entropy −Σ π_k log π_k (nats) of a distribution, with 0·log 0 = 0. At the
    /// maximum-likelihood fit the mean negative log-likelihood equals the entropy of the
    /// observed frequencies.
    public static func entropy(_ pi: [Double]) -> Double {
        -pi.filter { $0 > 0 }.reduce(0) { $0 + $1 * log($1) }
    }
}
