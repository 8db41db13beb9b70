import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 file server for previewing the site: GET and HEAD of files under one
/// folder, `Connection: close` after each answer. Listens on 127.0.0.1 unless told otherwise.
///
/// Usage:
/// ```swift
/// let server = try PreviewServer(folder: siteFolder, port: 8000)
/// server.serveForever()
/// ```
public final class PreviewServer: @unchecked Sendable {
    public let folder: URL
    public let port: Int
    /// When set, served HTML pages reload themselves after a rebuild (``LiveReload``).
    public let liveReload: LiveReload?
    private let socketFD: Int32

    public enum ServerError: Error, CustomStringConvertible {
        case socket(String)
        public var description: String {
            switch self {
            case .socket(let why): return "cannot listen: \(why). Try another --port."
            }
        }
    }

    /// Binds and listens; `port` 0 picks a free port (see ``port``).
    public init(folder: URL, host: String = "127.0.0.1", port: Int, liveReload: LiveReload? = nil) throws {
        self.folder = folder.standardizedFileURL
        self.liveReload = liveReload
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ServerError.socket(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
            close(fd)
            throw ServerError.socket("'\(host)' is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw ServerError.socket("\(host):\(port): \(why)")
        }
        var actual = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.socketFD = fd
    }

    deinit { close(socketFD) }

    /// Answers requests one after another until the process ends.
    public func serveForever() -> Never {
        while true {
            let client = accept(socketFD, nil, nil)
            if client < 0 { continue }
            handle(client)
            close(client)
        }
    }

    /// Answers one connection (public for tests, which drive the server from another thread).
    public func acceptOne() {
        let client = accept(socketFD, nil, nil)
        guard client >= 0 else { return }
        handle(client)
        close(client)
    }

    private func handle(_ client: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { break }
            request += buffer[0..<n]
            if request.count >= 4, request.suffix(4) == [13, 10, 13, 10] || String(decoding: request, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return send(client, 400, "text/plain", Data("bad request\n".utf8), head: false) }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else {
            return send(client, 405, "text/plain", Data("only GET and HEAD\n".utf8), head: false)
        }
        let (status, type, body) = response(for: String(parts[1]))
        send(client, status, type, body, head: method == "HEAD")
    }

    /// The status, content type and body for a request target such as `/zh-TW/lessons/rag.html?q=x`.
    public func response(for target: String) -> (Int, String, Data) {
        var path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
        path = path.removingPercentEncoding ?? path
        if let liveReload, path == LiveReload.endpoint {
            return (200, "text/plain; charset=utf-8", Data("\(liveReload.build)\n".utf8))
        }
        if path.hasSuffix("/") { path += "index.html" }
        guard let clean = SitePaths.normalize(path) else { return (403, "text/plain", Data("forbidden\n".utf8)) }
        let url = folder.appendingPathComponent(clean.isEmpty ? "index.html" : clean)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            return response(for: "/" + clean + "/")
        }
        guard let data = try? Data(contentsOf: url) else { return (404, "text/plain", Data("not found: \(clean)\n".utf8)) }
        let type = Self.contentType(url.pathExtension)
        if let liveReload, url.pathExtension.lowercased() == "html" { return (200, type, liveReload.inject(into: data)) }
        return (200, type, data)
    }

    static func contentType(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "woff2": return "font/woff2"
        case "json": return "application/json"
        case "swift", "md", "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    private func send(_ client: Int32, _ status: Int, _ type: String, _ body: Data, head: Bool) {
        let reason = [200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"][status] ?? "Error"
        var out = Data("HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n".utf8)
        if !head { out += body }
        out.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(client, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                sent += n
            }
        }
    }
}
