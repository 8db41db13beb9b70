import LLMCourseKit

// The reference answer: the course library's loop implementation
// (Sources/Tensors/Matmul.swift, region "reference"), adapted to arrays of rows.
func matmul(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
    let product = Tensor(a).matmulReference(Tensor(b))
    let columns = product.shape[1]
    return (0..<product.shape[0]).map { i in Array(product.scalars[(i * columns)..<((i + 1) * columns)]) }
}
