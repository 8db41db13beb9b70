/// The element-wise tolerance comparison behind ``CheckContext/expectClose(_:_:shape:atol:rtol:_:)``.
enum NumericComparison {
    /// Statistics of `actual` against `expected` (same count), with the worst element located.
    ///
    /// The relative error of an element is `|a − e| / |e|` (infinite when `e` is 0 and `a` is
    /// not). "Worst" is the element exceeding its tolerance by the largest factor, so a small
    /// absolute slip in a tiny value is not hidden behind an allowed one in a large value.
    static func compare(_ actual: [Double], _ expected: [Double], shape: [Int],
                        atol: Double, rtol: Double, what: String) -> NumericReport {
        var maxAbs = 0.0, maxRel = 0.0
        var mismatched = 0
        var worst = 0
        var worstExcess = -Double.infinity
        for i in expected.indices {
            let a = actual[i], e = expected[i]
            let (absError, ok): (Double, Bool)
            if e.isNaN {
                absError = a.isNaN ? 0 : .infinity
                ok = a.isNaN
            } else if e.isInfinite || a.isInfinite || a.isNaN {
                absError = a == e ? 0 : .infinity
                ok = a == e
            } else {
                absError = abs(a - e)
                ok = absError <= atol + rtol * abs(e)
            }
            let relError = absError == 0 ? 0 : (e == 0 || e.isNaN ? Double.infinity : absError / abs(e))
            maxAbs = max(maxAbs, absError)
            if relError.isFinite || !ok { maxRel = max(maxRel, relError) }
            if !ok { mismatched += 1 }
            // Rank elements by how far past their own tolerance they are.
            let allowed = atol + rtol * (e.isFinite ? abs(e) : 0)
            let excess = absError.isFinite ? absError / max(allowed, .leastNormalMagnitude) : .infinity
            if excess > worstExcess || (excess == .infinity && worstExcess == .infinity && !ok && worst == i) {
                worstExcess = excess
                worst = i
            }
        }
        return NumericReport(
            what: what, shape: shape, atol: atol, rtol: rtol,
            maxAbsError: maxAbs, maxRelError: maxRel,
            worstIndex: expected.isEmpty ? [] : unflatten(worst, shape: shape),
            actualAtWorst: expected.isEmpty ? 0 : actual[worst],
            expectedAtWorst: expected.isEmpty ? 0 : expected[worst],
            mismatched: mismatched, count: expected.count)
    }

    /// Row-major flat index → one index per axis (`[]` for a scalar shape).
    static func unflatten(_ flat: Int, shape: [Int]) -> [Int] {
        guard !shape.isEmpty, shape.reduce(1, *) > flat else { return shape.isEmpty ? [] : [flat] }
        var rest = flat
        var index = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }
}
