/// Finite-difference gradient checks: compare a backward pass with central differences.
///
/// The numerical partial derivative of `f` at `x` along coordinate `i` is
/// `(f(x + ε·eᵢ) − f(x − ε·eᵢ)) / 2ε`, accurate to O(ε²). It is computed in `Double`, so
/// check a `Float` function with a larger ε (about 1e-2 to 1e-3) and a looser tolerance than
/// a `Double` one: rounding in `f` is divided by 2ε.
///
/// ```swift
/// suite.check("backward matches finite differences", points: 2) { c in
///     let x = c.floats(6, in: -2...2)
///     let analytic = sigmoidBackward(x)                         // the learner's gradient
///     try c.expectGradient(of: { v in v.map(sigmoid).reduce(0, +) }, at: x, equals: analytic)
/// }
/// ```
extension CheckContext {
    /// The central-difference gradient of a scalar function of a `Double` vector.
    public static func numericalGradient(of f: ([Double]) -> Double, at x: [Double], epsilon: Double = 1e-6) -> [Double] {
        var probe = x
        return x.indices.map { i in
            probe[i] = x[i] + epsilon
            let up = f(probe)
            probe[i] = x[i] - epsilon
            let down = f(probe)
            probe[i] = x[i]
            return (up - down) / (2 * epsilon)
        }
    }

    /// The central-difference gradient of a scalar function of a `Float` vector.
    public static func numericalGradient(of f: ([Float]) -> Float, at x: [Float], epsilon: Float = 1e-2) -> [Float] {
        var probe = x
        return x.indices.map { i in
            probe[i] = x[i] + epsilon
            let up = Double(f(probe))
            probe[i] = x[i] - epsilon
            let down = Double(f(probe))
            probe[i] = x[i]
            return Float((up - down) / (2 * Double(epsilon)))
        }
    }

    /// Fails unless `analytic` (a gradient from a backward pass) matches central differences of
    /// `f` at `x`. The report names the coordinate with the worst disagreement.
    public mutating func expectGradient(of f: ([Float]) -> Float, at x: [Float], equals analytic: [Float],
                                        epsilon: Float = 1e-2, atol: Float = 1e-3, rtol: Float = 1e-2,
                                        shape: [Int]? = nil, _ what: String = "gradient") throws {
        let numeric = Self.numericalGradient(of: f, at: x, epsilon: epsilon)
        try expectFiniteReference(numeric.map(Double.init), x: x.map(Double.init), what)
        try expectClose(analytic, numeric, shape: shape, atol: atol, rtol: rtol,
                        "\(what) (compared with finite differences, ε = \(epsilon))")
    }

    /// `Double` version of ``expectGradient(of:at:equals:epsilon:atol:rtol:shape:_:)``.
    public mutating func expectGradient(of f: ([Double]) -> Double, at x: [Double], equals analytic: [Double],
                                        epsilon: Double = 1e-6, atol: Double = 1e-6, rtol: Double = 1e-4,
                                        shape: [Int]? = nil, _ what: String = "gradient") throws {
        let numeric = Self.numericalGradient(of: f, at: x, epsilon: epsilon)
        try expectFiniteReference(numeric, x: x, what)
        try expectClose(analytic, numeric, shape: shape, atol: atol, rtol: rtol,
                        "\(what) (compared with finite differences, ε = \(epsilon))")
    }

    /// A gradient check only means something where the function is finite: when `f` gives NaN
    /// or infinity near `x` (so the finite differences do), "NaN equals NaN" must not pass.
    private func expectFiniteReference(_ numeric: [Double], x: [Double], _ what: String) throws {
        guard let bad = numeric.firstIndex(where: { !$0.isFinite }) else { return }
        throw CheckFailure("\(what): the function is not finite near x (its finite difference along coordinate \(bad) is "
            + "\(NumericReport.format(numeric[bad]))), so no gradient can be checked there; the function should give finite values "
            + "for these inputs")
    }
}
