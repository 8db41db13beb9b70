/// Reordering helpers for act-order (columns quantized by decreasing Hessian diagonal) and for
/// storing group parameters row by row.
///
/// ```
/// permuteColumns:   out[r, j] = m[r, order[j]]
/// permuteSymmetric: out[i, j] = m[order[i], order[j]]
/// inversePermutation(p)[p[i]] = i
/// ```
extension GPTQ {
    static func permuteColumns<T>(_ m: [T], rows: Int, columns: Int, by order: [Int]) -> [T] {
        var out = m
        for r in 0..<rows { for j in 0..<columns { out[r * columns + j] = m[r * columns + order[j]] } }
        return out
    }

    static func permuteSymmetric(_ m: [Double], n: Int, by order: [Int]) -> [Double] {
        var out = m
        for i in 0..<n { for j in 0..<n { out[i * n + j] = m[order[i] * n + order[j]] } }
        return out
    }

    static func inversePermutation(_ p: [Int]) -> [Int] {
        var inverse = p
        for (i, j) in p.enumerated() { inverse[j] = i }
        return inverse
    }

    static func transpose(_ m: [Double], rows: Int, columns: Int) -> [Double] {
        var out = m
        for i in 0..<rows { for j in 0..<columns { out[j * rows + i] = m[i * columns + j] } }
        return out
    }
}
