/// Which scale and zero point quantize each column, and the parameters the result stores.
///
/// ```
/// no groups:      one quantizer per row from all columns (found before the loop)
/// groups of g:    a new quantizer per row when column j starts a group (j % g == 0), from
///                 W[:, j..<j+g] as it stands when the column's block begins
/// static groups:  every group's quantizer up front, picked by the column's original index
/// ```
/// Stored `scales` and `zeros` are `[rows, groups]` row-major (groups in quantization order).
struct GPTQGroups {
    let configuration: GPTQConfiguration
    /// The quantizer of the column being quantized.
    private(set) var current: MinMaxQuantizer
    /// Group parameters as found, `[groups][rows]` (dynamic groups only).
    private var scales: [Double] = [], zeros: [Double] = []

    init(_ layer: GPTQPreparedLayer, configuration: GPTQConfiguration) {
        self.configuration = configuration
        current = layer.rowQuantizer
    }

    /// Makes ``current`` the quantizer of `column` (in quantization order).
    mutating func select(column: Int, in layer: GPTQPreparedLayer) {
        let c = configuration
        guard let g = c.groupSize else { return }
        if c.staticGroups {
            current = layer.staticGroups[layer.permutation[column] / g]
        } else if column % g == 0 {
            // Read from W as it stood when this block began (the reference's behavior).
            current = layer.w.withUnsafeBufferPointer {
                MinMaxQuantizer($0.baseAddress!, rows: layer.rows, width: layer.columns, columns: column..<(column + g),
                                bits: c.bits, symmetric: c.symmetric)
            }
            scales += current.scales
            zeros += current.zeros
        }
    }

    /// The parameters to store, `[rows, groups]` row-major.
    func stored(for layer: GPTQPreparedLayer) -> (scales: [Double], zeros: [Double]) {
        let rows = layer.rows
        guard let g = configuration.groupSize else { return (layer.rowQuantizer.scales, layer.rowQuantizer.zeros) }
        let groups = layer.columns / g
        if configuration.staticGroups {
            return ((0..<rows).flatMap { r in (0..<groups).map { layer.staticGroups[$0].scales[r] } },
                    (0..<rows).flatMap { r in (0..<groups).map { layer.staticGroups[$0].zeros[r] } })
        }
        // Found group by group as [groups][rows]; stored [rows][groups].
        return (GPTQ.transpose(scales, rows: groups, columns: rows), GPTQ.transpose(zeros, rows: groups, columns: rows))
    }
}
