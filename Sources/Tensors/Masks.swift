/// Masks for attention: which positions may look at which.
extension Tensor {
    /// `[n, n]` lower-triangular mask: 1 where column ≤ row (a token may attend to itself and
    /// the past), 0 above the diagonal (the future).
    public static func causalMask(_ n: Int) -> Tensor {
        Tensor(shape: [n, n]) { out in
            for i in 0..<n { for j in 0..<n { out[i * n + j] = j <= i ? 1 : 0 } }
        }
    }

    /// Replaces elements with `value` wherever the broadcast `mask` is 0 (keeps them where it is
    /// non-zero). Attention scores use `scores.maskedFill(keepWhere: .causalMask(T), with: -.infinity)`.
    public func maskedFill(keepWhere mask: Tensor, with value: Float) -> Tensor {
        Tensor.zipBroadcast(self, mask) { x, keep in keep != 0 ? x : value }
    }
}
