import Foundation
import Tensors

/// A weight matrix kept in its GGUF blocks (Q8_0 or Q4_0) and multiplied by a vector without a
/// dequantized copy: each block's 32 codes are multiplied by the matching 32 inputs as small
/// integers turned into floats, and the block's scale is applied once to their sum.
///
/// ```
/// y[r] = Σ_blocks d_b · Σ_{j<32} q_{b,j} · x[32b + j]          (Q8_0: q ∈ −127…127)
/// y[r] = Σ_blocks d_b · Σ_{j<32} (q_{b,j} − 8) · x[32b + j]    (Q4_0: q ∈ 0…15)
/// ```
/// Decoding reads every weight once per token, so the bytes read set the speed: Q8_0 reads
/// 34 bytes per 32 weights and Q4_0 18, against 128 for F32. `W` is `[rows, columns]`, row-major
/// (llama.cpp's `[out, in]`), `columns` a multiple of 32.
///
/// ```swift
/// let w = try GGUFBlockMatrix(GGUFTensor(name: "w", shape: [64, 128], values: weights, type: .q4_0))
/// let y = w.multiply(x)                 // blocks read directly
/// let same = w.multiplyReference(x)     // dequantize each row, then a plain dot product
/// ```
public struct GGUFBlockMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    public let type: GGMLTensorType
    /// The tensor's bytes: `rows × columns / 32` blocks, row after row.
    public let data: [UInt8]

    public init(_ tensor: GGUFTensor) throws {
        guard tensor.shape.count == 2, tensor.type == .q8_0 || tensor.type == .q4_0 else {
            throw QuantizationError.shapeMismatch("GGUFBlockMatrix needs a 2-D Q8_0 or Q4_0 tensor; \(tensor.name) is \(tensor.shape) in \(tensor.type)")
        }
        rows = tensor.shape[0]
        columns = tensor.shape[1]
        type = tensor.type
        data = tensor.data
    }

    var bytesPerRow: Int { columns / 32 * type.bytesPerBlock }

    /// The readable version: dequantize one row at a time, then a dot product in Float.
    public func multiplyReference(_ x: [Float]) -> [Float] {
        precondition(x.count == columns, "GGUFBlockMatrix: x has \(x.count) values, the matrix \(columns) columns")
        return (0..<rows).map { r in
            let row = type.decode(data[(r * bytesPerRow)..<((r + 1) * bytesPerRow)], count: columns)
            return zip(row, x).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        }
    }

    // ANCHOR: block-dot
    /// `W·x` straight from the blocks.
    public func multiply(_ x: [Float]) -> [Float] {
        precondition(x.count == columns, "GGUFBlockMatrix: x has \(x.count) values, the matrix \(columns) columns")
        var y = [Float](repeating: 0, count: rows)
        let blocks = columns / 32, stride = bytesPerRow, isQ8 = type == .q8_0, blockBytes = type.bytesPerBlock
        data.withUnsafeBufferPointer { bytes in
            x.withUnsafeBufferPointer { input in
                y.withUnsafeMutableBufferPointer { output in
                    nonisolated(unsafe) let out = output.baseAddress!
                    // Rows are independent: threads take disjoint row ranges once the matrix is large.
                    Parallel.forEachChunk(count: rows, workPerItem: columns) { range in
                        for r in range {
                            var total: Float = 0
                            for b in 0..<blocks {
                                let block = bytes.baseAddress! + r * stride + b * blockBytes
                                let d = HalfPrecision.float(float16Bits: UInt16(block[0]) | UInt16(block[1]) << 8)
                                let xs = input.baseAddress! + b * 32
                                var sum: Float = 0
                                if isQ8 {
                                    for j in 0..<32 { sum += Float(Int8(bitPattern: block[2 + j])) * xs[j] }
                                } else {
                                    for j in 0..<16 {
                                        let byte = block[2 + j]
                                        sum += Float(Int(byte & 0x0F) - 8) * xs[j] + Float(Int(byte >> 4) - 8) * xs[j + 16]
                                    }
                                }
                                total += d * sum
                            }
                            out[r] = total
                        }
                    }
                }
            }
        }
        return y
    }
    // ANCHOR_END: block-dot
}
