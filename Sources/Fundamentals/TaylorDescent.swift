/// Gradient descent through Taylor's theorem: what one step θ − η·g is predicted to do to the
/// loss by the first-order (linear) model and by the second-order (quadratic) model, and the
/// step size at which the quadratic term cancels the linear gain.
///
/// ```
/// L(θ − η·g) = L(θ) − η·gᵀg + (η²/2)·gᵀHg + O(η³)       g = ∇L(θ) [n], H = ∇²L(θ) [n, n]
/// first order:   ΔL ≈ −η·|g|²                 always a decrease: "any small step downhill helps"
/// second order:  ΔL ≈ −η·|g|² + (η²/2)·gᵀHg    a parabola in η
/// best step:     η* = |g|² / gᵀHg              the vertex of the parabola
/// no progress:   η ≥ 2·|g|² / gᵀHg             the quadratic term eats all of the linear gain
/// ```
///
/// On a quadratic loss the second-order model is exact; elsewhere it is good while η·|g| is
/// small compared with the distance over which H changes.
///
/// ```swift
/// let p = TaylorDescent.rosenbrock([-1, 1])
/// let (first, second) = TaylorDescent.predictedChange(gradient: p.gradient, hessian: p.hessian, rate: 1e-3)
/// let eta = TaylorDescent.bestRate(gradient: p.gradient, hessian: p.hessian)
/// ```
public enum TaylorDescent {
    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    // ANCHOR: taylor-step
    /// The change in the loss after the step θ − η·g, as predicted by the
    /// linear model and by the quadratic model.
    public static func predictedChange(gradient g: [Double], hessian h: [[Double]], rate eta: Double)
        -> (firstOrder: Double, secondOrder: Double) {
        let gg = dot(g, g)                                   // |g|²
        let gHg = dot(g, PowerIteration.apply(h, g))         // curvature along g, times |g|²
        return (-eta * gg, -eta * gg + 0.5 * eta * eta * gHg)
    }

    /// η* = |g|² / gᵀHg, where the quadratic model's decrease is largest
    /// (infinite when the loss curves down or not at all along g).
    public static func bestRate(gradient g: [Double], hessian h: [[Double]]) -> Double {
        let gHg = dot(g, PowerIteration.apply(h, g))
        return gHg > 0 ? dot(g, g) / gHg : .infinity
    }
    // ANCHOR_END: taylor-step

    /// Rosenbrock's valley L(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1): a curved,
    /// badly conditioned test function. Returns the value, gradient [2] and Hessian [2, 2].
    public static func rosenbrock(_ p: [Double]) -> (value: Double, gradient: [Double], hessian: [[Double]]) {
        let (x, y) = (p[0], p[1])
        let r = y - x * x
        let value = (1 - x) * (1 - x) + 100 * r * r
        let gradient = [-2 * (1 - x) - 400 * x * r, 200 * r]
        let hessian = [[2 - 400 * r + 800 * x * x, -400 * x], [-400 * x, 200]]
        return (value, gradient, hessian)
    }
}
