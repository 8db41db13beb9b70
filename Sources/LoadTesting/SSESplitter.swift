/// Splits a server-sent event stream (the `text/event-stream` body of a streaming
/// completion) into events, as bytes arrive.
///
/// An event is a block of `field: value` lines ended by an empty line; OpenAI-compatible
/// servers send one `data:` line per event:
///
///     data: {"choices":[{"text":" the"}]}\n
///     \n
///     data: [DONE]\n
///     \n
///
/// Lines end in LF, CRLF or CR-then-LF split across reads; several `data:` lines in one event
/// are joined with "\n" (the SSE rule); lines starting with `:` are comments (keep-alives) and
/// other fields (`event:`, `id:`, `retry:`) are skipped. Text is decoded per whole line, so a
/// multi-byte UTF-8 character cut between two reads comes out intact.
public struct SSESplitter: Sendable {
    private var line: [UInt8] = []
    private var data: [String] = []
    private var hasData = false

    public init() {}

    /// Feeds bytes and returns the `data` payloads of the events they complete, in order.
    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
        var events: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                if let event = endOfLine() { events.append(event) }
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(byte)
            }
        }
        return events
    }

    /// The event still being read when the stream ends without its empty line, if any.
    public mutating func finish() -> String? {
        if !line.isEmpty, let event = endOfLine() { return event }
        line.removeAll()
        if hasData { defer { reset() }; return data.joined(separator: "\n") }
        return nil
    }

    private mutating func endOfLine() -> String? {
        if line.isEmpty {
            guard hasData else { return nil }
            defer { reset() }
            return data.joined(separator: "\n")
        }
        if line.first == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        guard String(decoding: line[..<colon], as: UTF8.self) == "data" else { return nil }
        var value = colon < line.endIndex ? line.index(after: colon) : colon
        if value < line.endIndex, line[value] == UInt8(ascii: " ") { value += 1 }
        data.append(String(decoding: line[value...], as: UTF8.self))
        hasData = true
        return nil
    }

    private mutating func reset() {
        data.removeAll()
        hasData = false
    }
}
