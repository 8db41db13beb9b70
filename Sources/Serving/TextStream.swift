/// Turns a request's tokens into text as they come: whole UTF-8 characters only, and nothing a
/// stop string might still claim.
///
/// Byte-level BPE tokens can split a character (a Chinese character is three bytes), so bytes
/// wait until their character is complete. And OpenAI's `stop` returns the text *before* the
/// stop string, so text that could be the start of one (`"\n"` when a stop is `"\n\n"`) waits
/// until the next token decides.
///
/// ```swift
/// var stream = TextStream(stop: ["\n\n"])
/// stream.append(bytes: Array("Hi\n".utf8))   // → "Hi"   ("\n" held back)
/// stream.append(bytes: Array("\n".utf8))     // → ""     and stream.stopped == "\n\n"
/// ```
public struct TextStream: Sendable {
    public let stop: [String]
    private var pendingBytes: [UInt8] = []
    private var heldText = ""
    /// The stop string that ended the text, if one did.
    public private(set) var stopped: String?

    public init(stop: [String]) { self.stop = stop.filter { !$0.isEmpty } }

    /// Adds one token's bytes; returns the text that is now safe to show.
    public mutating func append(bytes: [UInt8]) -> String {
        guard stopped == nil else { return "" }
        pendingBytes += bytes
        let complete = Self.completePrefixLength(pendingBytes)
        heldText += String(decoding: pendingBytes[..<complete], as: UTF8.self)
        pendingBytes.removeFirst(complete)
        for s in stop {
            if let range = heldText.range(of: s) {
                stopped = s
                let out = String(heldText[..<range.lowerBound])
                heldText = ""
                return out
            }
        }
        // Keep the longest tail that is a proper prefix of some stop string.
        var keep = 0
        for s in stop {
            for length in stride(from: min(s.count - 1, heldText.count), to: 0, by: -1)
            where heldText.hasSuffix(s.prefix(length)) {
                keep = max(keep, length)
                break
            }
        }
        let cut = heldText.index(heldText.endIndex, offsetBy: -keep)
        let out = String(heldText[..<cut])
        heldText = String(heldText[cut...])
        return out
    }

    /// Whatever is still held back, when generation ends for another reason.
    public mutating func flush() -> String {
        guard stopped == nil else { return "" }
        let out = heldText + String(decoding: pendingBytes, as: UTF8.self)
        heldText = ""
        pendingBytes = []
        return out
    }

    /// The length of `bytes` without a trailing, unfinished UTF-8 sequence.
    static func completePrefixLength(_ bytes: [UInt8]) -> Int {
        var i = bytes.count - 1, continuation = 0
        while i >= 0 && continuation < 3 && bytes[i] & 0xC0 == 0x80 { continuation += 1; i -= 1 }
        guard i >= 0 else { return bytes.count }
        let lead = bytes[i]
        let needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        return needed > continuation ? i : bytes.count
    }
}
