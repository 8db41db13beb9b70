import Foundation

/// Two numbers that say how sharply the loss rises around a minimum, read off a
/// ``LossLandscape`` in filter-normalized units (so they compare models of the same architecture;
/// see Dinh et al. 2017 for why no sharpness number is invariant to every reparametrization).
public enum Sharpness {
    // ANCHOR: sharpness
    /// The mean rise of the loss on the circle of radius `r` in the (δ, η) plane:
    ///
    ///     S(r) = (1/n) Σ_k f(r·cos φ_k, r·sin φ_k) − f(0, 0),   φ_k = 2πk/n
    ///
    /// A flat minimum keeps `S(r)` small for a larger `r`.
    public static func circleRise(_ landscape: LossLandscape, _ delta: FilterNormalizedDirection,
                                  _ eta: FilterNormalizedDirection, radius: Double, points: Int = 16) -> Double {
        let center = landscape.loss(at: 0, 0, delta, eta)
        var total = 0.0
        for k in 0..<points {
            let phi = 2 * Double.pi * Double(k) / Double(points)
            total += landscape.loss(at: radius * cos(phi), radius * sin(phi), delta, eta)
        }
        return total / Double(points) - center
    }

    /// The curvature of a 1-D slice at its center by the central second difference:
    ///
    ///     f''(0) ≈ (f(h) − 2·f(0) + f(−h)) / h²
    ///
    /// `slice` holds f at `alphas` (evenly spaced, 0 in the middle).
    public static func curvature(slice: [Double], alphas: [Double]) -> Double {
        precondition(slice.count == alphas.count && alphas.count >= 3 && alphas.count % 2 == 1,
                     "the slice needs an odd number of points centerd on 0")
        let mid = alphas.count / 2, h = alphas[mid + 1] - alphas[mid]
        return (slice[mid + 1] - 2 * slice[mid] + slice[mid - 1]) / (h * h)
    }
    // ANCHOR_END: sharpness
}
