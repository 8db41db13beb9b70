/// What can go wrong talking to a server, worded for the person running the load test.
public enum LoadTestError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidURL(String)
    /// `https://` and other schemes: the client speaks plain HTTP/1.1 only.
    case unsupportedScheme(String)
    case cannotResolve(host: String)
    /// Nothing listens at the address (ECONNREFUSED).
    case connectionRefused(url: String)
    case connectTimeout(url: String, seconds: Double)
    case readTimeout(seconds: Double)
    /// A non-2xx status; `body` is kept (cut to 500 bytes) for the message.
    case httpStatus(code: Int, body: String, retryAfter: String?)
    case malformedResponse(String)
    case connectionClosed
    case socket(String)

    /// A 429 Too Many Requests: the server turned the request away on purpose.
    public var isRejection: Bool {
        if case .httpStatus(429, _, _) = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .invalidURL(let url):
            return "\(url) is not a URL like http://127.0.0.1:8080"
        case .unsupportedScheme(let scheme):
            return "\(scheme):// is not supported: loadtest speaks plain HTTP only; put a local proxy in front of the server (or reach it on its plain-HTTP port)"
        case .cannotResolve(let host):
            return "cannot resolve host \(host)"
        case .connectionRefused(let url):
            return "no server at \(url) — start one with `llmcourse serve MODEL`"
        case .connectTimeout(let url, let seconds):
            return "no answer from \(url) within \(format(seconds)) s while connecting"
        case .readTimeout(let seconds):
            return "server sent nothing for \(format(seconds)) s"
        case .httpStatus(let code, let body, let retryAfter):
            var text = "HTTP \(code)"
            if let retryAfter { text += " (Retry-After: \(retryAfter))" }
            let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { text += ": " + trimmed }
            return text
        case .malformedResponse(let what):
            return "malformed response: \(what)"
        case .connectionClosed:
            return "server closed the connection before the response ended"
        case .socket(let what):
            return what
        }
    }

    private func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

import Foundation
