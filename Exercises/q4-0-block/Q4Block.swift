import Foundation
import LLMCourseKit

/// Packs 32 values into llama.cpp's Q4_0 block (18 bytes):
///
/// - `m` = the value with the largest magnitude (keep its sign; the first one on a tie),
///   `d = m / −8`, `inverse = 1/d` (0 when `d` is 0);
/// - code `q = min(15, Int(x · inverse + 8.5))` (truncation toward zero);
/// - bytes 0–1: `d` as fp16, little-endian (`HalfPrecision.float16Bits(d)`);
/// - bytes 2–17: byte `2 + j` holds `q[j]` in its low 4 bits and `q[j + 16]` in its high 4 bits.
func packQ4_0(_ block: [Float]) -> [UInt8] {
    // TODO: find m and d, compute the 32 codes, write the fp16 scale, then the 16 nibble pairs.
    return [UInt8](repeating: 0, count: 18)
}
