import Tensors

/// Matrices as linear maps: a product is one map after another, a batch of row vectors goes
/// through a map in one product, and `P = u·uᵀ / (uᵀ·u)` projects onto the line through `u`.
///
/// ```
/// (S·R)·v = S·(R·v)              R, S [2, 2], v [2, 1]: "rotate, then stretch" is one matrix
/// X·Mᵀ                           X [N, 2] → [N, 2]: the map M applied to every row at once
/// P = u·uᵀ / (uᵀ·u)              u [n, 1] → P [n, n];  P·P = P,  (x − P·x)·u = 0
/// ```
///
/// ```swift
/// let v = Tensor([[1], [1]])
/// let (stepByStep, combined, reversed) = LinearMaps.composition(v)   // S·(R·v), S·R, R·S
/// let p = LinearMaps.projection(onto: Tensor([[2], [1]]))            // [2, 2]
/// ```
public enum LinearMaps {
    // ANCHOR: composition
    /// 90° anticlockwise.
    public static let rotate = Tensor([[0, -1], [1, 0]])
    /// Doubles the x coordinate.
    public static let stretch = Tensor([[2, 0], [0, 1]])

    /// `v` [2, 1] rotated then stretched, step by step; the one matrix that does both;
    /// and the product in the other order, which is a different map.
    public static func composition(_ v: Tensor)
        -> (stepByStep: Tensor, combined: Tensor, reversed: Tensor) {
        let stepByStep = stretch.matmul(rotate.matmul(v))  // rotate, stretch
        let combined = stretch.matmul(rotate)               // one matrix for both
        let reversed = rotate.matmul(stretch)               // stretch, rotate
        return (stepByStep, combined, reversed)
    }

    /// A batch of row vectors X [N, n] through the map M [n, n]: X·Mᵀ maps
    /// every row at once, → [N, n].
    public static func mapRows(_ x: Tensor, by m: Tensor) -> Tensor {
        x.matmul(m, transposeOther: true)
    }
    // ANCHOR_END: composition

    // ANCHOR: projection
    /// P = u·uᵀ / (uᵀ·u) for a column u [n, 1]: the map onto the line through u.
    public static func projection(onto u: Tensor) -> Tensor {
        let uuT = u.matmul(u, transposeOther: true)           // [n, n]
        let uTu = u.matmul(u, transposeSelf: true).scalar     // |u|²
        return uuT / uTu
    }

    /// P·x, the closest point to x [n, 1] on the line, and the residual
    /// x − P·x, which is orthogonal to u (their dot product is 0).
    public static func project(_ x: Tensor, onto u: Tensor)
        -> (projected: Tensor, residual: Tensor) {
        let px = projection(onto: u).matmul(x)
        return (px, x - px)
    }
    // ANCHOR_END: projection
}
