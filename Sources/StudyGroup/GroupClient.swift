import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The member's side of the API, used by `llmcourse submit` (and by the tests).
///
/// ```swift
/// let client = GroupClient(server: URL(string: "http://127.0.0.1:8080")!, token: token)
/// let receipt = try await client.submit(SubmissionUpload(exercise: "matmul-loops", source: text))
/// let done = try await client.waitUntilGraded(receipt.id, timeout: 300)
/// ```
public struct GroupClient: Sendable {
    public var server: URL
    public var token: String

    public init(server: URL, token: String) {
        self.server = server
        self.token = token
    }

    /// An HTTP answer: status, headers of interest, body.
    public struct Reply: Sendable {
        public var status: Int
        public var body: Data
        public var retryAfter: String?
        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The `error` message of a refusal, or the body itself.
        public var errorMessage: String {
            (try? JSONDecoder().decode([String: String].self, from: body))?["error"] ?? text
        }
    }

    /// Errors `llmcourse submit` reports; each says what to do.
    public struct ClientError: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public func request(_ method: String, _ path: String, body: Data? = nil, token: String? = nil) async throws -> Reply {
        guard let url = URL(string: path, relativeTo: server) else { throw ClientError(description: "bad server address \(server)") }
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        request.setValue("Bearer \(token ?? self.token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let server = self.server
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: ClientError(description: "cannot reach the study-group server at \(server): \(error.localizedDescription). Check --server or LLMCOURSE_SERVER, and that `llmcourse group serve` runs."))
                    return
                }
                let http = response as? HTTPURLResponse
                continuation.resume(returning: Reply(status: http?.statusCode ?? 0, body: data ?? Data(),
                                                     retryAfter: http?.value(forHTTPHeaderField: "Retry-After")))
            }.resume()
        }
    }

    /// Uploads a file for grading; throws the server's message when refused.
    public func submit(_ upload: SubmissionUpload) async throws -> SubmissionReceipt {
        let reply = try await request("POST", "/api/submissions", body: try JSONEncoder().encode(upload))
        guard reply.status == 202 else {
            throw ClientError(description: "the server refused the submission (HTTP \(reply.status)): \(reply.errorMessage)")
        }
        return try GroupJSON.decoder.decode(SubmissionReceipt.self, from: reply.body)
    }

    public func submission(_ id: Int) async throws -> Submission {
        let reply = try await request("GET", "/api/submissions/\(id)")
        guard reply.status == 200 else {
            throw ClientError(description: "cannot read submission \(id) (HTTP \(reply.status)): \(reply.errorMessage)")
        }
        return try GroupJSON.decoder.decode(Submission.self, from: reply.body)
    }

    /// Polls until the submission is graded (every `interval` seconds), or throws after `timeout`.
    public func waitUntilGraded(_ id: Int, timeout: Double = 600, interval: Double = 0.5) async throws -> Submission {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let submission = try await submission(id)
            if submission.status == .done { return submission }
            guard Date() < deadline else {
                throw ClientError(description: "submission \(id) is still \(submission.status.rawValue) after \(Int(timeout)) s; the server keeps it, look again later")
            }
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
        }
    }
}

/// Where `llmcourse submit` finds the server and the token: LLMCOURSE_SERVER / LLMCOURSE_TOKEN,
/// else `~/.config/llmcourse/group.json` (`{"server": "http://…", "token": "…"}`).
public struct GroupClientConfig: Codable, Sendable {
    public var server: String?
    public var token: String?

    public static func file(environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        return base.appendingPathComponent("llmcourse/group.json")
    }

    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> GroupClientConfig {
        var config = GroupClientConfig()
        let file = file(environment: environment)
        if let data = try? Data(contentsOf: file) {
            do {
                config = try JSONDecoder().decode(GroupClientConfig.self, from: data)
            } catch {
                throw GroupClient.ClientError(description: "\(file.path) is not valid JSON like {\"server\": \"http://host:8080\", \"token\": \"…\"}: \(error)")
            }
        }
        if let server = environment["LLMCOURSE_SERVER"], !server.isEmpty { config.server = server }
        if let token = environment["LLMCOURSE_TOKEN"], !token.isEmpty { config.token = token }
        return config
    }
}
