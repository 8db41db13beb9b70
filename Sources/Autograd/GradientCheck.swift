import Tensors

/// Compares back-propagated gradients with finite differences.
///
/// For each input element `xᵢ`, the numerical derivative is the central difference
/// `(L(x + h·eᵢ) − L(x − h·eᵢ)) / 2h`, whose error shrinks like `h²`. The scalar `L` is the
/// function's output dotted with fixed random weights, so every output element matters and
/// mistakes cannot cancel out. The dot product is accumulated in `Double`.
///
/// ```swift
/// let report = GradientCheck.run(inputs: [x, w]) { v in v[0].matmul(v[1]).tanh() }
/// #expect(report.passed, "\(report)")
/// ```
public struct GradientCheck: CustomStringConvertible {
    /// Largest `|analytic − numeric| / (atol/rtol + |numeric|)`-style error seen, scaled so ≤ 1 passes.
    public let worstScaledError: Double
    /// Where the worst error was: input number and flat element index.
    public let worstInput: Int, worstElement: Int
    public let analytic: Double, numeric: Double

    public var passed: Bool { worstScaledError <= 1 }

    public var description: String {
        "gradient check \(passed ? "passed" : "FAILED"): worst at input \(worstInput) element \(worstElement): analytic \(analytic), numeric \(numeric) (scaled error \(worstScaledError))"
    }

    /// Checks `function`'s gradients with respect to every input.
    /// - Parameters:
    ///   - step: `h` of the central difference.
    ///   - rtol, atol: an element passes when `|analytic − numeric| ≤ atol + rtol·|numeric|`.
    public static func run(inputs: [Tensor], step: Float = 1e-2, rtol: Double = 1e-2, atol: Double = 1e-3,
                           seed: UInt64 = 7, function: ([Variable]) -> Variable) -> GradientCheck {
        let variables = inputs.map { Variable($0, requiresGrad: true) }
        let output = function(variables)
        var rng = SplitMix64(seed: seed)
        let weights = Tensor.uniform(output.shape, low: -1, high: 1, using: &rng)
        output.backward(seed: weights)

        func loss(_ values: [Tensor]) -> Double {
            let out = withNoGrad { function(values.map { Variable($0) }) }.value
            var total: Double = 0
            for i in 0..<out.count { total += Double(out.scalars[i]) * Double(weights.scalars[i]) }
            return total
        }

        var worst = (error: -1.0, input: 0, element: 0, analytic: 0.0, numeric: 0.0)
        for (inputIndex, input) in inputs.enumerated() {
            let analyticGrad = variables[inputIndex].grad ?? Tensor.zeros(input.shape)
            for element in 0..<input.count {
                var values = inputs
                values[inputIndex].scalars[element] = input.scalars[element] + step
                let plus = loss(values)
                values[inputIndex].scalars[element] = input.scalars[element] - step
                let minus = loss(values)
                // Divide by the step actually taken (x ± h is rounded to Float).
                let taken = Double(input.scalars[element] + step) - Double(input.scalars[element] - step)
                let numeric = (plus - minus) / taken
                let analytic = Double(analyticGrad.scalars[element])
                let error = Swift.abs(analytic - numeric) / (atol + rtol * Swift.abs(numeric))
                if error > worst.error { worst = (error, inputIndex, element, analytic, numeric) }
            }
        }
        return GradientCheck(worstScaledError: Swift.max(worst.error, 0), worstInput: worst.input,
                             worstElement: worst.element, analytic: worst.analytic, numeric: worst.numeric)
    }
}
