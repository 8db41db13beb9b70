import Foundation
@testable import StudyGroup
import Testing

@Suite("Gradebook pages", .serialized, .timeLimit(.minutes(2)))
struct GradebookTests {
    @Test func theLeaderSeesTheMatrixRatesAndExportsMembersSeeOnlyTheirOwn() async throws {
        try await Self.matrixAndExports(on: .sqlite)
    }

    /// The leader's matrix, CSV and JSON; a member gets 403 for them and sees only their own page.
    static func matrixAndExports(on database: TestDatabase) async throws {
        let server = try await TestServer(database: database, grading: SimulatedGrading(seconds: 0, exercises: ["demo": "Demo.swift", "other": "Other.swift"]))
        defer { Task { await server.stop() } }
        let ada = try server.store.addMember("ada")
        let eve = try server.store.addMember("eve")
        for (token, source) in [(ada, "no"), (ada, "PASS"), (eve, "<b>no</b>")] {
            let receipt = try await server.client(token).submit(SubmissionUpload(exercise: "demo", source: source))
            _ = try await server.client(token).waitUntilGraded(receipt.id, timeout: 30, interval: 0.05)
        }
        let leader = server.client(server.leaderToken)
        let page = try await leader.request("GET", "/gradebook")
        #expect(page.status == 200)
        #expect(page.text.contains("id=\"matrix\""))
        #expect(page.text.contains("1/1 <span class=\"muted\">(2×)</span>"))   // ada: best 1 of 1, two attempts
        #expect(page.text.contains("<td>demo</td><td>2</td><td>1</td><td>50 %</td>"))
        #expect(page.text.contains("/gradebook/members/eve"))

        let csv = try await leader.request("GET", "/gradebook.csv")
        #expect(csv.status == 200)
        let lines = csv.text.split(separator: "\n")
        #expect(lines.first == "member,exercise,attempts,best_score,max_score,passed,last_submitted")
        #expect(lines.contains { $0.hasPrefix("ada,demo,2,1,1,true,") })
        #expect(lines.contains { $0.hasPrefix("eve,demo,1,0,1,false,") })

        let json = try await leader.request("GET", "/gradebook.json")
        let book = try GroupJSON.decoder.decode(Gradebook.self, from: json.body)
        #expect(book.members == ["ada", "eve"])
        #expect(book.exercises == ["demo", "other"])
        #expect(book.entry("ada", "demo")?.attempts == 2)

        let history = try await leader.request("GET", "/gradebook/members/ada")
        #expect(history.status == 200)
        #expect(history.text.contains("Submissions of ada"))

        // A member: the gradebook is refused, their own page lists only theirs.
        #expect(try await server.client(ada).request("GET", "/gradebook").status == 403)
        #expect(try await server.client(ada).request("GET", "/gradebook.csv").status == 403)
        let mine = try await server.client(eve).request("GET", "/me")
        #expect(mine.status == 200)
        #expect(mine.text.contains("Submissions of eve"))
        #expect(!mine.text.contains("ada"))
        #expect(try await server.client("wrong").request("GET", "/gradebook").status == 401)
    }

    @Test func htmlIsEscapedAndCsvFieldsAreQuotedAndFormulasDefused() {
        #expect(GradebookPages.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(Gradebook.csvField("a,b") == "\"a,b\"")
        #expect(Gradebook.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Gradebook.csvField("=cmd()") == "'=cmd()")
        #expect(Gradebook.csvField("plain") == "plain")
    }
}
