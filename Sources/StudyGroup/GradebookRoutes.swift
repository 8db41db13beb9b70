import Foundation
import HTTPTypes
import Hummingbird

/// The leader's pages (gradebook, a member's history, CSV/JSON export), the login form
/// (which sets an HttpOnly cookie holding the token) and a member's own page `/me`.
/// Pages need the leader; `/me` any member. Without a login, pages send the browser to `/login`.
struct GradebookRoutes {
    let server: GroupServer

    func register(on router: Router<BasicRequestContext>) {
        router.get("/login") { _, _ in Responses.html(GradebookPages.login(message: nil)) }
        router.post("/login") { request, _ in
            var request = request
            let body = (try? await request.collectBody(upTo: 4096)).map { String(buffer: $0) } ?? ""
            let token = Self.formValue("token", in: body) ?? ""
            guard !token.isEmpty, let member = try? server.store.authenticate(token: token) else {
                return Responses.html(GradebookPages.login(message: "Unknown or revoked token."), status: .unauthorized)
            }
            let cookie = "\(GroupServer.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
            return Responses.redirect(member.role == .leader ? "/gradebook" : "/me", cookie: cookie)
        }
        router.get("/logout") { _, _ in
            Responses.redirect("/login", cookie: "\(GroupServer.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict")
        }
        router.get("/gradebook") { request, _ in
            await page(request, leaderOnly: true) { _ in
                let book = try Gradebook(store: server.store, exercises: server.grading.exerciseIDs)
                return Responses.html(GradebookPages.gradebook(book, recent: try server.store.submissions(limit: 20)))
            }
        }
        router.get("/gradebook.csv") { request, _ in
            await page(request, leaderOnly: true) { _ in
                let book = try Gradebook(store: server.store, exercises: server.grading.exerciseIDs)
                var response = Responses.body(Data(book.csv().utf8), contentType: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] = "attachment; filename=\"gradebook.csv\""
                return response
            }
        }
        router.get("/gradebook.json") { request, _ in
            await page(request, leaderOnly: true) { _ in
                Responses.json(try Gradebook(store: server.store, exercises: server.grading.exerciseIDs))
            }
        }
        router.get("/gradebook/members/:name") { request, context in
            await page(request, leaderOnly: true) { _ in
                // The router hands over the path segment still percent-encoded ("Jos%C3%A9").
                let raw = context.parameters.get("name") ?? ""
                let name = raw.removingPercentEncoding ?? raw
                guard let member = try server.store.member(named: name) else {
                    return Responses.html(GradebookPages.page("No such member", "<p>No member named \(GradebookPages.escape(name)).</p>"), status: .notFound)
                }
                return Responses.html(GradebookPages.history(member: member.name, submissions: try server.store.submissions(member: member.name, limit: 200, includeVerdict: true).map(server.shown)))
            }
        }
        router.get("/me") { request, _ in
            await page(request, leaderOnly: false) { member in
                Responses.html(GradebookPages.history(member: member.name, submissions: try server.store.submissions(member: member.name, limit: 200, includeVerdict: true).map(server.shown)))
            }
        }
    }

    /// Runs `body` for an authorized browser or API client; otherwise the login page or a refusal.
    func page(_ request: Request, leaderOnly: Bool, _ body: (Member) throws -> Response) async -> Response {
        await server.handle {
            guard let token = GroupServer.token(request), let member = try server.store.authenticate(token: token) else {
                if request.headers[.authorization] != nil { throw APIError.unauthorized }
                return Responses.redirect("/login")
            }
            if leaderOnly && member.role != .leader {
                return Responses.html(GradebookPages.page("Leader only", "<p>The gradebook is for the group's leader. Your own submissions are at <a href=\"/me\">/me</a>.</p>"), status: .forbidden)
            }
            return try body(member)
        }
    }

    /// A field of an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
