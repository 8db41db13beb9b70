import Testing
@testable import Tensors

@Suite struct FewRowsProductTests {
    /// Against the plain loops and against sgemm, on shapes with and without a SIMD tail.
    @Test(arguments: [(1, 7, 5), (3, 64, 33), (8, 300, 576), (32, 129, 100), (5, 6, 17)])
    func agreesWithTheReference(shape: (Int, Int, Int)) {
        #expect(["avx512", "avx2", "scalar"].contains(FewRowsProduct.path))
        let (m, n, k) = shape
        var rng = SplitMix64(seed: UInt64(m * 1000 + n))
        let x = Tensor.normal([m, k], using: &rng), w = Tensor.normal([n, k], using: &rng), b = Tensor.normal([n], using: &rng)
        var fast = [Float](repeating: 0, count: m * n), slow = fast
        x.scalars.withUnsafeBufferPointer { xs in
            w.scalars.withUnsafeBufferPointer { ws in
                b.scalars.withUnsafeBufferPointer { bs in
                    FewRowsProduct.multiply(xs.baseAddress!, ws.baseAddress!, bias: bs.baseAddress!, into: &fast, rows: m, outputs: n, inputs: k)
                    FewRowsProduct.multiplyReference(xs.baseAddress!, ws.baseAddress!, bias: bs.baseAddress!, into: &slow, rows: m, outputs: n, inputs: k)
                }
            }
        }
        let gemm = x.matmul(w, transposeOther: true).scalars
        for i in 0..<(m * n) {
            #expect(abs(fast[i] - slow[i]) <= 1e-4 * max(1, abs(slow[i])))
            #expect(abs(fast[i] - b.scalars[i % n] - gemm[i]) <= 1e-4 * max(1, abs(gemm[i])))
        }
    }
}
