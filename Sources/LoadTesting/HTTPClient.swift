import Foundation

/// The status line and headers of a response.
public struct HTTPResponseHead: Sendable, Equatable {
    public let status: Int
    /// Header names lowercased, in arrival order.
    public let headers: [(name: String, value: String)]

    public func header(_ name: String) -> String? {
        let key = name.lowercased()
        return headers.first { $0.name == key }?.value
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.status == b.status && a.headers.map { "\($0.name):\($0.value)" } == b.headers.map { "\($0.name):\($0.value)" }
    }

    /// Parses `HTTP/1.1 200 OK\r\nName: value\r\n...` (the bytes before the blank line).
    static func parse(_ bytes: ArraySlice<UInt8>) throws -> HTTPResponseHead {
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw LoadTestError.malformedResponse("status line \"\(lines[0])\"")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return HTTPResponseHead(status: status, headers: headers)
    }
}

/// A minimal HTTP/1.1 client for load testing: one request per connection
/// (`Connection: close`), the body handed over as it arrives.
///
/// Framing follows the response: `Transfer-Encoding: chunked` through ``ChunkedDecoder``,
/// else `Content-Length`, else everything until the server closes. A non-2xx status reads
/// the (short) body and throws ``LoadTestError/httpStatus(code:body:retryAfter:)``.
public enum HTTPClient {
    /// Sends `method path` with an optional JSON body and calls `onBody` with decoded body bytes
    /// as they arrive; `onBody` returns false to stop reading early (e.g. after `data: [DONE]`).
    /// `timeout` bounds the connect and every wait for more bytes.
    @discardableResult
    public static func send(_ method: String, _ path: String, to server: ServerURL, json body: [UInt8]? = nil,
                            timeout: Double, onBody: ([UInt8]) throws -> Bool) throws -> HTTPResponseHead {
        let socket = try Socket.connect(to: server, timeout: timeout)
        var request = "\(method) \(server.basePath)\(path) HTTP/1.1\r\nHost: \(server.authority)\r\n"
            + "User-Agent: llmcourse-loadtest\r\nAccept: */*\r\nConnection: close\r\n"
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        request += "\r\n"
        try socket.sendAll(Array(request.utf8) + (body ?? []), timeout: timeout)

        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var pending: [UInt8] = []
        // The head: read until the blank line.
        var headEnd: Int?
        while headEnd == nil {
            let n = try socket.receive(into: &buffer, timeout: timeout)
            guard n > 0 else { throw pending.isEmpty ? LoadTestError.connectionClosed : LoadTestError.malformedResponse("headers cut off") }
            let searchFrom = max(0, pending.count - 3)
            pending.append(contentsOf: buffer[..<n])
            headEnd = findBlankLine(pending, from: searchFrom)
            if headEnd == nil && pending.count > 64 * 1024 { throw LoadTestError.malformedResponse("headers longer than 64 KB") }
        }
        let head = try HTTPResponseHead.parse(pending[..<headEnd!])
        let rest = Array(pending[(headEnd! + 4)...])

        var framing = BodyFraming(head)
        let success = (200..<300).contains(head.status)
        var errorBody: [UInt8] = []
        func deliver(_ bytes: [UInt8]) throws -> Bool {
            if success { return bytes.isEmpty ? true : try onBody(bytes) }
            errorBody.append(contentsOf: bytes.prefix(max(0, 500 - errorBody.count)))
            return true
        }
        var keepGoing = try deliver(try framing.feed(rest[...]))
        while keepGoing && !framing.isFinished {
            let n = try socket.receive(into: &buffer, timeout: timeout)
            if n == 0 {
                guard framing.endsAtClose else { throw LoadTestError.connectionClosed }
                break
            }
            keepGoing = try deliver(try framing.feed(buffer[..<n]))
        }
        if !success {
            throw LoadTestError.httpStatus(code: head.status, body: String(decoding: errorBody, as: UTF8.self),
                                           retryAfter: head.header("retry-after"))
        }
        return head
    }

    /// A whole small response body (e.g. `GET /v1/models`).
    public static func get(_ path: String, from server: ServerURL, timeout: Double) throws -> [UInt8] {
        var body: [UInt8] = []
        try send("GET", path, to: server, timeout: timeout) { body += $0; return true }
        return body
    }

    static func findBlankLine(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for i in start...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
            return i
        }
        return nil
    }
}

/// How the body's end is found: chunked, a length, or the server closing.
struct BodyFraming {
    private var chunked: ChunkedDecoder?
    private var remaining: Int?

    init(_ head: HTTPResponseHead) {
        if head.header("transfer-encoding")?.lowercased().contains("chunked") == true {
            chunked = ChunkedDecoder()
        } else if let length = head.header("content-length").flatMap({ Int($0) }) {
            remaining = length
        }
        // 204 and 304 have no body whatever the headers say.
        if head.status == 204 || head.status == 304 { chunked = nil; remaining = 0 }
    }

    var isFinished: Bool { chunked?.isFinished ?? (remaining == 0) }
    var endsAtClose: Bool { chunked == nil && remaining == nil }

    mutating func feed(_ bytes: ArraySlice<UInt8>) throws -> [UInt8] {
        if chunked != nil { return try chunked!.feed(bytes) }
        guard let left = remaining else { return Array(bytes) }
        let take = bytes.prefix(left)
        remaining = left - take.count
        return Array(take)
    }
}
