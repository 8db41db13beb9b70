/// The server a load test talks to: `http://host:port` plus an optional path prefix
/// (`http://gpu-box:8000/proxy` sends to `/proxy/v1/completions`).
public struct ServerURL: Equatable, Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    /// The prefix before `/v1/...`, without a trailing slash ("" for most servers).
    public let basePath: String

    public init(host: String, port: Int, basePath: String = "") {
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses `http://host[:port][/prefix]`; a bare `host:port` means http. A trailing `/v1`
    /// is dropped, since people paste the OpenAI base URL (`http://localhost:8080/v1`).
    public init(parsing text: String) throws {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if let range = rest.range(of: "://") {
            let scheme = rest[..<range.lowerBound].lowercased()
            guard scheme == "http" else { throw LoadTestError.unsupportedScheme(scheme) }
            rest = rest[range.upperBound...]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/v1") { path.removeLast(3) }
        var host = String(authority), port = 80
        if authority.hasPrefix("[") {  // [::1]:8080
            guard let close = authority.firstIndex(of: "]") else { throw LoadTestError.invalidURL(text) }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let p = Int(after.dropFirst()) else { throw LoadTestError.invalidURL(text) }
                port = p
            }
        } else if let colon = authority.lastIndex(of: ":") {
            guard let p = Int(authority[authority.index(after: colon)...]) else { throw LoadTestError.invalidURL(text) }
            host = String(authority[..<colon])
            port = p
        }
        guard !host.isEmpty, (1...65535).contains(port) else { throw LoadTestError.invalidURL(text) }
        self.init(host: host, port: port, basePath: path)
    }

    /// `host:port` for the Host header (IPv6 literals in brackets).
    public var authority: String { (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    public var description: String { "http://\(authority)\(basePath)" }
}

import Foundation
