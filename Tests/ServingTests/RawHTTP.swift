import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a socket: the tests need to hang up mid-stream and to read
/// server-sent events as they come, which URLSession does not expose.
struct RawHTTP {
    let port: Int

    /// Connects to 127.0.0.1:port and sends one request; returns the socket.
    func send(_ method: String, _ path: String, body: String? = nil) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        Self.setReadTimeout(fd, seconds: 120)  // a loaded machine may be slow, but never hangs the test
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        let bytes = Array((head + "\r\n" + (body ?? "")).utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return fd
    }

    /// Reads until the server closes the connection.
    static func readAll(_ fd: Int32) -> String {
        var data = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        close(fd)
        return String(decoding: data, as: UTF8.self)
    }

    /// A read that waits longer than this gives up (returns nothing).
    static func setReadTimeout(_ fd: Int32, seconds: Int) {
        var wait = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads until `marker` has arrived (or the connection ends, or `timeout` seconds pass).
    static func read(_ fd: Int32, until marker: String, timeout: Int? = nil) -> String {
        if let timeout { setReadTimeout(fd, seconds: timeout) }
        var text = "", buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains(marker) {
            let n = Glibc.read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            text += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        return text
    }

    /// Status code, and the body after the blank line (chunked bodies unwrapped).
    func request(_ method: String, _ path: String, body: String? = nil) throws -> (status: Int, headers: String, body: String) {
        let response = Self.readAll(try send(method, path, body: body))
        guard let split = response.range(of: "\r\n\r\n") else { return (0, response, "") }
        let head = String(response[..<split.lowerBound])
        var payload = String(response[split.upperBound...])
        if head.lowercased().contains("transfer-encoding: chunked") { payload = Self.unchunk(payload) }
        let status = Int(head.split(separator: " ")[1]) ?? 0
        return (status, head, payload)
    }

    static func unchunk(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while let line = rest.range(of: "\r\n") {
            guard let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 else { break }
            let start = line.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes[0..<size], as: UTF8.self)
            rest = Substring(String(decoding: bytes[(size + 2)...], as: UTF8.self))
        }
        return out
    }
}
