/// Decodes an HTTP/1.1 `Transfer-Encoding: chunked` body as its bytes arrive.
///
/// The wire format is a run of chunks, each `<hex size>[;extensions]\r\n<size bytes>\r\n`,
/// ended by a chunk of size 0, optional trailer lines and an empty line:
///
///     5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n   →   "hello world"
///
/// Bytes may be cut anywhere (a read can end in the middle of a size line or of the CRLF
/// after a chunk), so the decoder keeps a small state machine and never needs the whole body.
/// A streaming server usually sends one server-sent event per chunk, but nothing guarantees
/// it; the SSE splitter downstream sees a plain byte stream either way.
public struct ChunkedDecoder: Sendable {
    enum State: Equatable {
        case sizeLine          // reading `<hex>[;ext]` up to CRLF
        case data(Int)         // this many payload bytes still to come
        case dataEnd           // the CRLF after a chunk's payload
        case trailer           // header lines after the last chunk, until an empty line
        case done
    }

    private(set) var state: State = .sizeLine
    /// The partial line (size line, trailer line, or the CRLF after data) seen so far.
    private var line: [UInt8] = []

    public init() {}

    /// True once the terminating zero-size chunk and the trailer section have been read.
    public var isFinished: Bool { state == .done }

    /// Feeds the next bytes from the socket and returns the payload bytes they complete.
    /// Bytes after the end of the body are ignored.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) throws -> [UInt8] where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i != bytes.endIndex {
            switch state {
            case .done:
                return out
            case .data(let remaining):
                // Copy as much of the payload as this read holds, in one go.
                let available = bytes.distance(from: i, to: bytes.endIndex)
                let take = min(remaining, available)
                let end = bytes.index(i, offsetBy: take)
                out.append(contentsOf: bytes[i..<end])
                i = end
                state = remaining - take == 0 ? .dataEnd : .data(remaining - take)
            case .sizeLine, .dataEnd, .trailer:
                let byte = bytes[i]
                i = bytes.index(after: i)
                line.append(byte)
                guard byte == UInt8(ascii: "\n") else {
                    if line.count > 4096 { throw LoadTestError.malformedResponse("chunk size line longer than 4096 bytes") }
                    continue
                }
                let text = line.dropLast().last == UInt8(ascii: "\r") ? Array(line.dropLast(2)) : Array(line.dropLast())
                line.removeAll(keepingCapacity: true)
                try endOfLine(text)
            }
        }
        return out
    }

    private mutating func endOfLine(_ text: [UInt8]) throws {
        switch state {
        case .sizeLine:
            // Extensions after `;` carry nothing we need.
            let hex = String(decoding: text.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self)
                .trimmingCharacters(in: [" ", "\t"])
            guard let size = Int(hex, radix: 16), size >= 0 else {
                throw LoadTestError.malformedResponse("bad chunk size line \"\(String(decoding: text, as: UTF8.self))\"")
            }
            state = size == 0 ? .trailer : .data(size)
        case .dataEnd:
            guard text.isEmpty else { throw LoadTestError.malformedResponse("chunk payload not followed by CRLF") }
            state = .sizeLine
        case .trailer:
            if text.isEmpty { state = .done }
        case .data, .done:
            break
        }
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
