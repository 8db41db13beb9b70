import LLMCourseKit

/// The 16 NF4 levels (bitsandbytes' code book), ascending; index 7 is exactly 0.
let nf4Levels: [Float] = [
    -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
    -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
    0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
    0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
]

/// Quantizes one block to NF4: `absmax = max |x|`, and for each value the index (0…15) of the
/// level nearest to `x / absmax`. A block of zeros has absmax 0 and codes 7 (the level 0.0).
/// When a value lies exactly halfway between two levels, take the upper one.
func nf4QuantizeBlock(_ values: [Float]) -> (codes: [UInt8], absmax: Float) {
    // TODO: find absmax, then the nearest level of each scaled value.
    return ([], 0)
}

/// The block back in floating point: `nf4Levels[code] · absmax`.
func nf4DequantizeBlock(_ codes: [UInt8], absmax: Float) -> [Float] {
    // TODO
    return []
}
