import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import LoadTesting

/// A tiny OpenAI-like server on 127.0.0.1 (a free port) for the end-to-end tests: plain
/// sockets, one thread per connection, replies chosen per request by `handler`.
final class TestServer: @unchecked Sendable {
    enum Reply: Sendable {
        /// A streamed completion: wait `firstDelay`, then `texts` as SSE events `delay` apart,
        /// an optional usage chunk, `data: [DONE]`. `chat` sends `delta.content` after a role-only chunk.
        case stream(texts: [String], firstDelay: Double, delay: Double, usage: Int? = nil, chat: Bool = false, chunked: Bool = true)
        /// A whole response with this status, extra headers and body.
        case plain(status: Int, headers: [String] = [], body: String)
    }

    struct Request: Sendable {
        let method: String
        let path: String
        let body: [String: SendableBox]
    }

    let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let lock = NSLock()
    private var seen: [Request] = []

    /// Requests received so far, in arrival order.
    var requests: [Request] { lock.withLock { seen } }

    init(handler: @escaping @Sendable (Request) -> Reply) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound, listen(listener, 64) == 0 else { close(listener); throw LoadTestError.socket("test server cannot listen") }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Stops accepting; `shutdown` wakes the thread blocked in `accept`.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port nothing listens on: bound, then closed again.
    static func freePort() throws -> Int {
        let server = try TestServer { _ in .plain(status: 200, body: "") }
        server.stop()
        return server.port
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 { if errno == EINTR { continue } else { return } }
            Thread { [self] in serve(fd) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        guard let request = readRequest(fd) else { return }
        lock.withLock { seen.append(request) }
        switch handler(request) {
        case .plain(let status, let headers, let body):
            let head = (["HTTP/1.1 \(status) Status", "Content-Type: application/json", "Content-Length: \(body.utf8.count)", "Connection: close"] + headers)
                .joined(separator: "\r\n")
            write(fd, head + "\r\n\r\n" + body)
        case .stream(let texts, let firstDelay, let delay, let usage, let chat, let chunked):
            write(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                  + (chunked ? "Transfer-Encoding: chunked\r\n" : "") + "Connection: close\r\n\r\n")
            func event(_ json: String) {
                let payload = "data: \(json)\n\n"
                write(fd, chunked ? String(payload.utf8.count, radix: 16) + "\r\n" + payload + "\r\n" : payload)
            }
            if chat { event(#"{"choices":[{"index":0,"delta":{"role":"assistant"}}]}"#) }
            Thread.sleep(forTimeInterval: firstDelay)
            for (i, text) in texts.enumerated() {
                if i > 0 { Thread.sleep(forTimeInterval: delay) }
                let quoted = String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
                event(chat ? #"{"choices":[{"index":0,"delta":{"content":\#(quoted)}}]}"# : #"{"choices":[{"index":0,"text":\#(quoted)}]}"#)
            }
            if let usage { event(#"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":\#(usage)}}"#) }
            event("[DONE]")
            if chunked { write(fd, "0\r\n\r\n") }
        }
    }

    private func readRequest(_ fd: Int32) -> Request? {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return nil }
            data += buffer[..<n]
            guard let end = HTTPClient.findBlankLine(data, from: 0) else { continue }
            let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
            let length = head.first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            guard data.count >= end + 4 + length else { continue }
            let parts = head[0].split(separator: " ")
            let body = length > 0 ? (try? JSONSerialization.jsonObject(with: Data(data[(end + 4)..<(end + 4 + length)]))) as? [String: Any] : nil
            return Request(method: String(parts[0]), path: String(parts[1]), body: (body ?? [:]).mapValues { SendableBox($0) })
        }
    }

    private func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }
}

/// A JSON value carried across threads (the tests only read it).
struct SendableBox: @unchecked Sendable, CustomStringConvertible {
    let value: Any
    init(_ value: Any) { self.value = value }
    var description: String { "\(value)" }
}
