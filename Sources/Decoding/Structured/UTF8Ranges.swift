/// Code-point ranges as sequences of UTF-8 byte ranges.
///
/// A regex works on scalars but generation sees bytes: a byte-level BPE token may hold half a
/// Chinese character. So each class `[lo-hi]` becomes an alternation of byte-range sequences
/// that match exactly the UTF-8 encodings of the scalars in it, e.g.
/// `[\u{80}-\u{7FF}]` → `[C2-DF][80-BF]`. A range is split until, within each piece, every
/// byte position ranges independently over an interval (the method of Russ Cox's RE2 and
/// Rust's `utf8-ranges`).
enum UTF8Ranges {
    /// The byte-range sequences for every scalar in `set` (surrogates skipped).
    static func sequences(_ set: ScalarSet) -> [[ClosedRange<UInt8>]] {
        var out: [[ClosedRange<UInt8>]] = []
        for r in set.ranges {
            // Surrogates are not scalars: cut them out.
            split(r.lowerBound, min(r.upperBound, 0xD7FF), into: &out)
            split(max(r.lowerBound, 0xE000), r.upperBound, into: &out)
        }
        return out
    }

    private static let lengthLimits: [UInt32] = [0x7F, 0x7FF, 0xFFFF, 0x10FFFF]

    private static func split(_ lo: UInt32, _ hi: UInt32, into out: inout [[ClosedRange<UInt8>]]) {
        guard lo <= hi else { return }
        // Split where the encoded length changes.
        for limit in lengthLimits.dropLast() where lo <= limit && hi > limit {
            split(lo, limit, into: &out)
            split(limit + 1, hi, into: &out)
            return
        }
        if hi <= 0x7F {
            out.append([UInt8(lo)...UInt8(hi)])
            return
        }
        let n = encode(lo).count
        // Split until the continuation bytes of lo are all 0x80 and of hi all 0xBF (from the
        // last byte up), so every position covers an interval independent of the others.
        for i in 1..<n {
            let m: UInt32 = (1 << (6 * UInt32(i))) - 1
            if lo & ~m != hi & ~m {
                if lo & m != 0 {
                    split(lo, lo | m, into: &out)
                    split((lo | m) + 1, hi, into: &out)
                    return
                }
                if hi & m != m {
                    split(lo, (hi & ~m) - 1, into: &out)
                    split(hi & ~m, hi, into: &out)
                    return
                }
            }
        }
        let a = encode(lo), b = encode(hi)
        out.append(zip(a, b).map { $0...$1 })
    }

    /// The UTF-8 bytes of one scalar value.
    static func encode(_ v: UInt32) -> [UInt8] {
        switch v {
        case 0..<0x80: return [UInt8(v)]
        case 0x80..<0x800: return [0xC0 | UInt8(v >> 6), 0x80 | UInt8(v & 0x3F)]
        case 0x800..<0x10000: return [0xE0 | UInt8(v >> 12), 0x80 | UInt8((v >> 6) & 0x3F), 0x80 | UInt8(v & 0x3F)]
        default: return [0xF0 | UInt8(v >> 18), 0x80 | UInt8((v >> 12) & 0x3F), 0x80 | UInt8((v >> 6) & 0x3F), 0x80 | UInt8(v & 0x3F)]
        }
    }
}
