import Foundation
import LLMCourseKit

/// The unbiased pass@k of n samples of which `correct` are correct:
/// 1 − C(n − c, k) / C(n, k), computed without forming the binomials.
func passAtK(n: Int, correct: Int, k: Int) -> Double {
    // TODO: 1 when n − c < k; otherwise one minus the product of (1 − k / i) for i = n − c + 1 … n.
    return 0
}
