import Tensors

/// GPTQ's layer Hessian `H = (2/n) · XᵀX` for inputs `X [n, k]`, accumulated batch by batch in
/// double precision (the reference keeps a running average; the sum gives the same matrix).
public struct HessianAccumulator: Sendable {
    public let width: Int
    public private(set) var sampleCount = 0
    private var sum: [Double]

    public init(width: Int) {
        self.width = width
        sum = [Double](repeating: 0, count: width * width)
    }

    /// Adds rows of a row-major `[n, width]` activation matrix.
    public mutating func add(_ rows: [Float]) throws {
        guard rows.count % width == 0 else {
            throw QuantizationError.shapeMismatch("\(rows.count) activations do not form rows of width \(width)")
        }
        try requireFinite(rows, "the calibration activations")
        let n = rows.count / width
        guard n > 0 else { return }
        let x = rows.map(Double.init)
        // sum += XᵀX (the upper triangle is enough; mirrored on read).
        Float64Kernels.addGram(x, rows: n, columns: width, into: &sum)
        sampleCount += n
    }

    /// `H = 2/n · XᵀX`, `[width, width]` row-major.
    public var hessian: [Double] {
        let f = sampleCount > 0 ? 2 / Double(sampleCount) : 0
        var h = [Double](repeating: 0, count: width * width)
        for i in 0..<width {
            for j in i..<width {
                h[i * width + j] = sum[i * width + j] * f
                h[j * width + i] = h[i * width + j]
            }
        }
        return h
    }
}
