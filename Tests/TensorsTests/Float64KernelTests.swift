import Testing
import Tensors

@Suite struct Float64KernelTests {
    static func random(_ count: Int, _ rng: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in rng.nextUniformDouble() * 2 - 1 }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesTheLoops(transposeA: Bool, transposeB: Bool) {
        var rng = SplitMix64(seed: 11)
        let (m, n, k) = (5, 7, 3)
        let a = Self.random(m * k, &rng), b = Self.random(k * n, &rng)
        let start = Self.random(m * n, &rng)
        var fast = start, plain = start
        Float64Kernels.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: -0.5,
                            a: a, b: b, c: &fast, beta: 1)
        let (lda, ldb) = (transposeA ? m : k, transposeB ? k : n)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                plain.withUnsafeMutableBufferPointer { pc in
                    Float64Kernels.gemmReference(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: -0.5,
                                                 a: pa.baseAddress!, lda: lda, b: pb.baseAddress!, ldb: ldb,
                                                 c: pc.baseAddress!, ldc: n, beta: 1)
                }
            }
        }
        for (x, y) in zip(fast, plain) { #expect(abs(x - y) < 1e-13) }
    }

    @Test func gemmReadsSubMatricesInPlace() {
        // C[2, 2] = A[:, 1..<3] · B, with A stored [2, 4]: lda = 4.
        let a: [Double] = [9, 1, 2, 9, 9, 3, 4, 9], b: [Double] = [1, 0, 0, 1]
        var c = [Double](repeating: .nan, count: 4)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    Float64Kernels.gemm(transposeA: false, transposeB: false, m: 2, n: 2, k: 2, a: pa.baseAddress! + 1, lda: 4,
                                        b: pb.baseAddress!, ldb: 2, c: pc.baseAddress!, ldc: 2, beta: 0)
                }
            }
        }
        #expect(c == [1, 2, 3, 4])
    }

    @Test func gramMatrixMatchesTheLoops() {
        var rng = SplitMix64(seed: 12)
        let x = Self.random(9 * 4, &rng)
        var fast = [Double](repeating: 0.5, count: 16), plain = fast
        Float64Kernels.addGram(x, rows: 9, columns: 4, into: &fast)
        Float64Kernels.addGramReference(x, rows: 9, columns: 4, into: &plain)
        for i in 0..<4 {
            for j in 0..<4 {
                if j >= i { #expect(abs(fast[i * 4 + j] - plain[i * 4 + j]) < 1e-13) }
                else { #expect(fast[i * 4 + j] == 0.5) }   // the lower triangle is left alone
            }
        }
    }
}

@Suite struct CholeskyTests {
    /// A random symmetric positive-definite matrix: AᵀA + n·I.
    static func positiveDefinite(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        let a = Float64KernelTests.random(n * n, &rng)
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { for p in 0..<n { m[i * n + j] += a[p * n + i] * a[p * n + j] } } }
        for i in 0..<n { m[i * n + i] += Double(n) }
        return m
    }

    @Test func workedExample() throws {
        let u = try Cholesky.upperFactor([4, 2, 2, 3], n: 2)
        #expect(abs(u[0] - 2) < 1e-15 && abs(u[1] - 1) < 1e-15 && u[2] == 0 && abs(u[3] - 2.0.squareRoot()) < 1e-15)
        let inverse = try Cholesky.inverse([4, 2, 2, 3], n: 2)
        for (x, y) in zip(inverse, [0.375, -0.25, -0.25, 0.5]) { #expect(abs(x - y) < 1e-15) }
    }

    @Test(arguments: [1, 3, 8, 17])
    func lapackMatchesTheLoops(n: Int) throws {
        let m = Self.positiveDefinite(n, seed: UInt64(n))
        let (u, plainU) = (try Cholesky.upperFactor(m, n: n), try Cholesky.upperFactorReference(m, n: n))
        for (x, y) in zip(u, plainU) { #expect(abs(x - y) < 1e-12) }
        let (inverse, plainInverse) = (try Cholesky.inverse(m, n: n), try Cholesky.inverseReference(m, n: n))
        for (x, y) in zip(inverse, plainInverse) { #expect(abs(x - y) < 1e-12) }
        // A·A⁻¹ = I.
        for i in 0..<n {
            for j in 0..<n {
                let entry = (0..<n).reduce(0.0) { $0 + m[i * n + $1] * inverse[$1 * n + j] }
                #expect(abs(entry - (i == j ? 1 : 0)) < 1e-10)
            }
        }
    }

    @Test func notPositiveDefiniteNamesTheColumn() {
        let m: [Double] = [1, 2, 2, 1]   // eigenvalues 3 and −1
        #expect(throws: NotPositiveDefinite(column: 1)) { try Cholesky.upperFactor(m, n: 2) }
        #expect(throws: NotPositiveDefinite(column: 1)) { try Cholesky.upperFactorReference(m, n: 2) }
        #expect(throws: NotPositiveDefinite(column: 1)) { try Cholesky.inverse(m, n: 2) }
    }
}

@Suite struct MatrixVectorTests {
    @Test func gemvMatchesTheLoop() {
        var rng = SplitMix64(seed: 13)
        let (m, n) = (6, 5)
        let a = (0..<(m * n)).map { _ in rng.nextUniform() - 0.5 }, x = (0..<n).map { _ in rng.nextUniform() }
        var fast = [Float](repeating: 1, count: m), plain = fast
        a.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                Tensor.gemv(m: m, n: n, alpha: 2, a: pa.baseAddress!, lda: n, x: px.baseAddress!, beta: 1, y: &fast)
                Tensor.gemvReference(m: m, n: n, alpha: 2, a: pa.baseAddress!, lda: n, x: px.baseAddress!, beta: 1, y: &plain)
            }
        }
        for (p, q) in zip(fast, plain) { #expect(abs(p - q) < 1e-5) }
    }
}
