import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// The study-group server: the submissions API, the gradebook pages and the course site.
///
/// ```swift
/// let server = GroupServer(store: store, grading: HarnessGrading(grader: grader, uploads: folder),
///                          configuration: .init(port: 8080, siteFolder: site))
/// try await server.run { port in print("listening on \(port)") }
/// ```
///
/// Routes: `POST /api/submissions` (202 + id), `GET /api/submissions[/<id>]` (own only, the
/// leader's all), `GET /api/status`, `/login`, `/gradebook…` (see ``GradebookRoutes``), `/me`,
/// `/present/<lesson>` (``PresentationView``), and the site's files for everything else.
public struct GroupServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var workers: Int
        /// Largest accepted request body; more is refused with 413.
        public var maxUploadBytes: Int
        public var rateBurst: Int
        public var ratePerMinute: Double
        public var siteFolder: URL?
        /// Seconds a connection may stay silent (no request, or a request head never finished)
        /// before the server closes it.
        public var idleTimeout: Double
        /// Most connections held open at once; see ``ConnectionGuard`` for who gives way.
        public var maxConnections: Int

        public init(host: String = "127.0.0.1", port: Int = 8080, workers: Int = 2, maxUploadBytes: Int = 256 * 1024,
                    rateBurst: Int = 10, ratePerMinute: Double = 20, siteFolder: URL? = nil,
                    idleTimeout: Double = 30, maxConnections: Int = 1000) {
            self.host = host
            self.port = port
            self.workers = workers
            self.maxUploadBytes = maxUploadBytes
            self.rateBurst = rateBurst
            self.ratePerMinute = ratePerMinute
            self.siteFolder = siteFolder
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
        }
    }

    public let store: GroupStore
    public let grading: any SubmissionGrading
    public let configuration: Configuration
    let limiter: RateLimiter
    /// The open connections, capped at `configuration.maxConnections`.
    public let connections: ConnectionGuard

    public init(store: GroupStore, grading: any SubmissionGrading, configuration: Configuration) {
        self.store = store
        self.grading = grading
        self.configuration = configuration
        limiter = RateLimiter(burst: configuration.rateBurst, perMinute: configuration.ratePerMinute)
        connections = ConnectionGuard(maximum: configuration.maxConnections)
    }

    /// On SQLite, takes the file's ``DatabaseLock`` (throwing when another server holds it) and
    /// re-queues what a previous run left running (not on PostgreSQL: other machines' workers
    /// may be grading, and leases hand back what a dead worker held); then serves and grades
    /// until cancelled. `log` receives notes for the operator; `ready` the bound port.
    public func run(ready: @escaping @Sendable (Int) -> Void = { _ in },
                    log: @escaping @Sendable (String) -> Void = GroupServer.standardError) async throws {
        let lock = try (store.database as? SQLiteDatabase).map { try DatabaseLock(databasePath: $0.path) }
        defer { lock?.release() }
        let fileLimit = FileDescriptorLimit.raiseToHardLimit()
        let cap = FileDescriptorLimit.connectionCap(requested: configuration.maxConnections, limit: fileLimit, workers: configuration.workers)
        if cap < configuration.maxConnections {
            connections.lower(to: cap)
            log("The open-file limit is \(fileLimit), so at most \(cap) connections are held instead of \(configuration.maxConnections); raise the limit (ulimit -Hn) to hold more.")
        }
        if !store.isShared {
            let requeued = try store.requeueInterrupted()
            if requeued > 0 { log("Re-queued \(requeued) submission(s) that were being graded when the server stopped.") }
        }
        // A shared database is polled less often: every server and worker machine asks it.
        let workers = GradingWorkers(store: store, grading: grading, concurrency: configuration.workers,
                                     pollInterval: store.isShared ? 0.5 : 0.1)
        let connections = self.connections
        // The idle timeout also bounds how long a request head may take to arrive: until it
        // is complete the connection counts as idle.
        let http = HTTP1Channel.Configuration(additionalChannelHandlers: [connections.handler()],
                                              idleTimeout: .milliseconds(Int64(configuration.idleTimeout * 1000)))
        let app = Application(router: makeRouter(), server: .http1(configuration: http),
                              configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                   serverName: "llmcourse-group"),
                              onServerRunning: { channel in ready(channel.localAddress?.port ?? 0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await workers.run() }
            group.addTask { try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint]) }
            try await group.next()
            group.cancelAll()
        }
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let site = configuration.siteFolder {
            router.add(middleware: FileMiddleware(site.path, searchForIndexHtml: true))
        }
        router.post("/api/submissions") { request, _ in await self.handle { try await self.submit(request) } }
        router.get("/api/submissions") { request, _ in
            await self.handle {
                let member = try self.member(request)
                return Responses.json(try self.store.submissions(member: member.role == .leader ? nil : member.name, limit: 200))
            }
        }
        router.get("/api/submissions/:id") { request, context in
            await self.handle {
                let member = try self.member(request)
                guard let id = context.parameters.get("id", as: Int.self), let submission = try self.store.submission(id),
                      member.role == .leader || submission.member == member.name else { throw APIError.notFound }
                return Responses.json(self.shown(submission))
            }
        }
        router.get("/api/status") { request, _ in
            await self.handle {
                _ = try self.member(request)
                let counts = try self.store.countByStatus()
                return Responses.json(["queued": counts[.queued] ?? 0, "running": counts[.running] ?? 0, "done": counts[.done] ?? 0])
            }
        }
        GradebookRoutes(server: self).register(on: router)
        // Browsers ask for it on every page; the site has none, and a 404 would be logged as an error.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        if let site = configuration.siteFolder {
            router.get("/present/:lesson") { _, context in
                Self.presentation(context.parameters.get("lesson") ?? "", zhTW: false, site: site)
            }
            router.get("/present/zh-TW/:lesson") { _, context in
                Self.presentation(context.parameters.get("lesson") ?? "", zhTW: true, site: site)
            }
        }
        return router
    }

    static func presentation(_ lesson: String, zhTW: Bool, site: URL) -> Response {
        guard let html = PresentationView.page(lesson: lesson, zhTW: zhTW, siteFolder: site) else {
            return Responses.html(GradebookPages.page("No such lesson", "<p>No lesson \(GradebookPages.escape(lesson)) in the site.</p>"), status: .notFound)
        }
        return Responses.html(html)
    }

    /// Turns thrown refusals into JSON error responses. Database and other failures are logged
    /// in full for the leader and answered with a plain message: SQL text helps no member.
    func handle(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return Responses.error(error)
        } catch let error as DatabaseError {
            Self.standardError("request failed: \(error.message)")
            return Responses.error(error.isFull ? .databaseFull : .databaseUnavailable)
        } catch {
            Self.standardError("request failed: \(error)")
            return Responses.error(APIError(.internalServerError, "the server failed unexpectedly; tell the group leader (the server's log has the details)"))
        }
    }

    /// Where the server's notes go by default.
    public static let standardError: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

    /// The member a request speaks for: `Authorization: Bearer <token>` or the login cookie.
    func member(_ request: Request) throws -> Member {
        guard let token = Self.token(request), let member = try store.authenticate(token: token) else { throw APIError.unauthorized }
        return member
    }

    static let cookieName = "llmcourse_token"

    static func token(_ request: Request) -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]).trimmingCharacters(in: .whitespaces) }
        }
        return request.cookies[cookieName]?.value
    }

    func submit(_ request: Request) async throws -> Response {
        let member = try member(request)
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: configuration.maxUploadBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the upload is larger than \(configuration.maxUploadBytes / 1024) KiB; an exercise file is much smaller, so check you sent the right file")
        }
        let upload: SubmissionUpload
        do {
            upload = try JSONDecoder().decode(SubmissionUpload.self, from: Data(buffer: body))
        } catch {
            throw APIError(.badRequest, "the body must be JSON {\"exercise\": \"<id>\", \"source\": \"<file text>\"}: \(Self.describe(error))")
        }
        // SQLite and C strings end at a NUL, so the file would be stored cut short.
        if let line = Self.lineOfNUL(upload.source) {
            throw APIError(.badRequest, "the file contains a NUL character (byte 0) on line \(line); an exercise file is plain UTF-8 text, so save it as text and submit again")
        }
        guard let fileName = grading.fileName(for: upload.exercise) else {
            throw APIError(.badRequest, "unknown exercise \"\(upload.exercise)\"; see `llmcourse exercises` for the ids")
        }
        if let wait = await limiter.take(member.name) {
            throw APIError(.tooManyRequests, "too many submissions; try again in \(wait) s", retryAfter: wait)
        }
        let id = try store.enqueue(memberID: member.id, exercise: upload.exercise, fileName: fileName, source: upload.source)
        return Responses.json(SubmissionReceipt(id: id, status: .queued), status: .accepted)
    }

    /// `submission` as members see it: its verdict without the server's folders, also when it
    /// was stored before verdicts were cleaned at grading time.
    func shown(_ submission: Submission) -> Submission {
        var copy = submission
        copy.verdict = submission.verdict.map { grading.redactPaths($0, submission: submission.id) }
        return copy
    }

    /// The 1-based line of the first NUL in `text`, or nil when there is none.
    static func lineOfNUL(_ text: String) -> Int? {
        guard let index = text.utf8.firstIndex(of: 0) else { return nil }
        return text.utf8[..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\""
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "\(error)"
        }
    }
}
