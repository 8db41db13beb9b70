/// Derivatives by finite differences, and gradient descent on a bowl: the calculus a network's
/// training rests on, in double precision so the errors can be seen digit by digit.
///
/// ```
/// f'(x) ≈ (f(x+h) − f(x−h)) / 2h          error ∝ h² (until rounding, ≈ ε/h, takes over)
/// ∂f/∂x_i ≈ the same along coordinate i    x [n] → gradient [n]
/// x ← x − η·∇L(x)                          one step of gradient descent
/// ```
///
/// ```swift
/// let slope = Calculus.centralDifference({ $0 * $0 }, at: 3, h: 1e-5)          // ≈ 6
/// let g = Calculus.centralDifferenceGradient(of: { $0[0] * $0[1] }, at: [2, 5]) // ≈ [5, 2]
/// let path = Calculus.descend(from: (-2, 1), rate: 0.2, steps: 30)             // ends near (1, −2)
/// ```
public enum Calculus {
    // ANCHOR: central-difference
    /// (f(x+h) − f(x−h)) / 2h: the error shrinks like h², until rounding
    /// (about ε/h) takes over.
    public static func centralDifference(_ f: (Double) -> Double, at x: Double,
                                         h: Double) -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }
    // ANCHOR_END: central-difference

    // ANCHOR: central-difference-gradient
    /// The gradient of `f` at `x`: ``centralDifference(_:at:h:)`` along each coordinate in turn,
    /// the others held fixed. Costs 2n evaluations of `f` for `x` of length n.
    public static func centralDifferenceGradient(of f: ([Double]) -> Double, at x: [Double],
                                                 h: Double = 1e-5) -> [Double] {
        x.indices.map { i in
            centralDifference({ xi in
                var point = x
                point[i] = xi
                return f(point)
            }, at: x[i], h: h)
        }
    }
    // ANCHOR_END: central-difference-gradient

    // ANCHOR: gradient-descent
    /// Gradient descent on L(x, y) = (x − 1)² + 4(y + 2)², minimum at (1, −2).
    public static func descend(from start: (Double, Double), rate: Double,
                               steps: Int) -> [(x: Double, y: Double, loss: Double)] {
        var (x, y) = start
        var path: [(x: Double, y: Double, loss: Double)] = []
        for _ in 0...steps {
            path.append((x, y, (x - 1) * (x - 1) + 4 * (y + 2) * (y + 2)))
            let gx = 2 * (x - 1), gy = 8 * (y + 2)   // ∂L/∂x, ∂L/∂y
            x -= rate * gx
            y -= rate * gy
        }
        return path
    }
    // ANCHOR_END: gradient-descent
}
