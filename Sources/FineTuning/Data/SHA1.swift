/// SHA-1 (FIPS 180-4), here only to turn a shingle's bytes into a well-spread 32-bit number.
///
/// MinHash needs one integer per shingle, and any hash that scatters similar strings far apart
/// will do. We use the one datasketch uses by default — the first four bytes of the SHA-1
/// digest, read little-endian — so that our signatures can be checked against its, bit for bit.
/// SHA-1 is broken for signatures and certificates; as a spreading function for data it is fine.
///
/// The message is padded to a multiple of 64 bytes (a 1 bit, zeros, then the bit length as a
/// big-endian 64-bit number); each 64-byte block is expanded to 80 words
/// `w[t] = rotl1(w[t−3] ⊕ w[t−8] ⊕ w[t−14] ⊕ w[t−16])` and mixed into five 32-bit registers over
/// 80 rounds.
///
/// ```swift
/// SHA1.digest(Array("abc".utf8)).prefix(4)   // [0xa9, 0x99, 0x3e, 0x36]
/// SHA1.hash32("abc")                         // 0x363e99a9
/// ```
public enum SHA1 {
    /// The 20-byte digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var padded = message
        padded.append(0x80)
        while padded.count % 64 != 56 { padded.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        var w = [UInt32](repeating: 0, count: 80)
        for blockStart in stride(from: 0, to: padded.count, by: 64) {
            for t in 0..<16 {
                let i = blockStart + 4 * t
                w[t] = UInt32(padded[i]) << 24 | UInt32(padded[i + 1]) << 16 | UInt32(padded[i + 2]) << 8 | UInt32(padded[i + 3])
            }
            for t in 16..<80 { w[t] = rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }

            var (a, b, c, d, e) = h
            for t in 0..<80 {
                let (f, k): (UInt32, UInt32) = switch t {
                case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (b ^ c ^ d, 0xCA62_C1D6)
                }
                let next = rotateLeft(a, 5) &+ f &+ e &+ k &+ w[t]
                (a, b, c, d, e) = (next, a, rotateLeft(b, 30), c, d)
            }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
        return [h.0, h.1, h.2, h.3, h.4].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
    }

    /// The first four digest bytes as a little-endian number: datasketch's `sha1_hash32`.
    public static func hash32(_ bytes: [UInt8]) -> UInt32 {
        let d = digest(bytes)
        return UInt32(d[0]) | UInt32(d[1]) << 8 | UInt32(d[2]) << 16 | UInt32(d[3]) << 24
    }

    /// ``hash32(_:)`` of the text's UTF-8 bytes.
    public static func hash32(_ text: String) -> UInt32 { hash32(Array(text.utf8)) }

    @inline(__always) private static func rotateLeft(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }
}
