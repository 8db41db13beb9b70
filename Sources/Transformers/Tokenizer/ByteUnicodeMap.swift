/// GPT-2's reversible map between the 256 byte values and 256 printable Unicode characters.
///
/// Byte-level BPE works on bytes, but vocabulary files are text. GPT-2 solves this by giving
/// every byte a visible stand-in: the printable Latin-1 bytes (`!`…`~`, `¡`…`¬`, `®`…`ÿ`) map to
/// themselves, and the remaining 68 (control characters, space, …) map, in byte order, to
/// U+0100, U+0101, …  So the space byte 0x20 appears in vocab files as `Ġ` (U+0120) and the
/// newline 0x0A as `Ċ` (U+010A).
///
/// ```swift
/// ByteUnicodeMap.character(for: 0x20)   // "Ġ"
/// ByteUnicodeMap.byte(for: "Ġ")         // 0x20
/// ```
public enum ByteUnicodeMap {
    /// `scalars[b]` is the stand-in for byte `b`.
    public static let scalars: [Unicode.Scalar] = {
        func printable(_ b: Int) -> Bool {
            (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b)
        }
        var result = [Unicode.Scalar](repeating: " ", count: 256)
        var next = 256
        for b in 0..<256 {
            if printable(b) {
                result[b] = Unicode.Scalar(UInt32(b))!
            } else {
                result[b] = Unicode.Scalar(UInt32(next))!
                next += 1
            }
        }
        return result
    }()

    /// The inverse map, from stand-in scalar to byte.
    public static let bytesByScalar: [Unicode.Scalar: UInt8] = {
        var map: [Unicode.Scalar: UInt8] = [:]
        for (b, s) in scalars.enumerated() { map[s] = UInt8(b) }
        return map
    }()

    public static func character(for byte: UInt8) -> Character { Character(scalars[Int(byte)]) }

    public static func byte(for scalar: Unicode.Scalar) -> UInt8? { bytesByScalar[scalar] }

    // ANCHOR: byte-level
    /// The vocabulary-file spelling of some bytes: `"hi there"` → `"hiĠthere"`, `"量"` → `"éĩı"`.
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var view = String.UnicodeScalarView()
        for b in bytes { view.append(scalars[Int(b)]) }
        return String(view)
    }

    /// The bytes behind a vocabulary-file spelling, or `nil` if it holds a character that is not
    /// a byte stand-in.
    public static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            guard let b = bytesByScalar[s] else { return nil }
            bytes.append(b)
        }
        return bytes
    }

    /// The text behind a spelling: nil when a character is not a stand-in or the bytes are not
    /// whole UTF-8 characters (`"éĩ"` is two of 量's three bytes).
    public static func decodeText(_ spelling: String) -> String? {
        decode(spelling).flatMap { String(validating: $0, as: UTF8.self) }
    }
    // ANCHOR_END: byte-level
}
