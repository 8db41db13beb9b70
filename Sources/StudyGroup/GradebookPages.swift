import Course
import Foundation

/// Server-rendered HTML for the gradebook, a member's history and the login form.
/// Every value from the database or a request goes through `escape`.
enum GradebookPages {
    static func escape(_ text: String) -> String { HTML.escape(text) }

    /// A name as one URL path segment: everything but ASCII letters, digits and `-_.` encoded
    /// (`.alphanumerics` would leave non-ASCII letters for each browser to encode its own way).
    static func percent(_ name: String) -> String {
        name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")) ?? name
    }

    static let style = """
    body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222;max-width:72rem}
    table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
    th{background:#f3f3f3}td.pass{background:#e5f5e5}td.fail{background:#fbe9e9}td.none{color:#999}
    nav a{margin-right:1rem}pre{background:#f6f6f6;padding:.5rem;white-space:pre-wrap}
    .muted{color:#777}
    """

    static func page(_ title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
        <title>\(escape(title))</title><link rel="icon" href="data:,"><style>\(style)</style></head>
        <body><nav><a href="/gradebook">Gradebook</a><a href="/me">My submissions</a><a href="/">Course</a><a href="/logout">Log out</a></nav>
        <h1>\(escape(title))</h1>
        \(body)
        </body></html>
        """
    }

    static func login(message: String?) -> String {
        page("Study group: log in", """
        \(message.map { "<p class=\"fail\">\(escape($0))</p>" } ?? "")
        <form method="post" action="/login">
        <label>Token <input type="password" name="token" autocomplete="current-password" size="70"></label>
        <button type="submit">Log in</button>
        </form>
        <p class="muted">The leader's token was printed when the server first started; members get theirs from <code>llmcourse group add</code>.</p>
        """)
    }

    static func gradebook(_ book: Gradebook, recent: [Submission]) -> String {
        var matrix = "<table id=\"matrix\"><tr><th>Member</th>"
        for exercise in book.exercises { matrix += "<th>\(escape(exercise))</th>" }
        matrix += "</tr>"
        for member in book.members {
            matrix += "<tr><th><a href=\"/gradebook/members/\(percent(member))\">\(escape(member))</a></th>"
            for exercise in book.exercises {
                if let e = book.entry(member, exercise) {
                    let score = "\(e.bestScore.map(String.init) ?? "…")/\(e.maxScore.map(String.init) ?? "…")"
                    matrix += "<td class=\"\(e.passed ? "pass" : "fail")\">\(score) <span class=\"muted\">(\(e.attempts)×)</span></td>"
                } else {
                    matrix += "<td class=\"none\">–</td>"
                }
            }
            matrix += "</tr>"
        }
        matrix += "</table>"
        var rates = "<table id=\"pass-rates\"><tr><th>Exercise</th><th>Members tried</th><th>Passed</th><th>Pass rate</th></tr>"
        for s in book.summaries {
            rates += "<tr><td>\(escape(s.exercise))</td><td>\(s.attempted)</td><td>\(s.passed)</td><td>\(s.attempted == 0 ? "–" : "\(Int((s.passRate * 100).rounded())) %")</td></tr>"
        }
        rates += "</table>"
        return page("Gradebook", """
        <p><a href="/gradebook.csv">Export CSV</a> · <a href="/gradebook.json">Export JSON</a></p>
        <h2>Best score and attempts</h2>\(matrix)
        <h2>Pass rates</h2>\(rates)
        <h2>Recent submissions</h2>\(submissionTable(recent, showMember: true))
        """)
    }

    static func submissionTable(_ submissions: [Submission], showMember: Bool) -> String {
        let formatter = ISO8601DateFormatter()
        var html = "<table class=\"submissions\"><tr><th>#</th>\(showMember ? "<th>Member</th>" : "")<th>Exercise</th><th>Status</th><th>Score</th><th>Submitted</th></tr>"
        for s in submissions {
            let result = s.status == .done ? (s.passed == true ? "pass" : "fail") : s.status.rawValue
            html += "<tr><td>\(s.id)</td>"
            if showMember { html += "<td><a href=\"/gradebook/members/\(percent(s.member))\">\(escape(s.member))</a></td>" }
            html += "<td>\(escape(s.exercise))</td><td class=\"\(result)\">\(result)</td>"
            html += "<td>\(s.score.map(String.init) ?? "")\(s.maxScore.map { "/\($0)" } ?? "")</td><td>\(formatter.string(from: s.createdAt))</td></tr>"
        }
        return html + "</table>"
    }

    /// A member's submissions, newest first, each with its checks (name, status, score, message).
    static func history(member: String, submissions: [Submission]) -> String {
        var html = submissionTable(submissions, showMember: false)
        for s in submissions where s.verdict != nil {
            html += "<h3 id=\"s\(s.id)\">#\(s.id) \(escape(s.exercise))</h3>"
            guard let data = s.verdict?.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            if let message = object["message"] as? String { html += "<pre>\(escape(message))</pre>" }
            html += "<table><tr><th>Check</th><th>Status</th><th>Score</th><th>Message</th></tr>"
            for test in object["tests"] as? [[String: Any]] ?? [] {
                let status = test["status"] as? String ?? ""
                html += "<tr><td>\(escape(test["name"] as? String ?? ""))</td><td class=\"\(status == "pass" ? "pass" : "fail")\">\(escape(status))</td>"
                html += "<td>\(test["score"] as? Int ?? 0)/\(test["max_score"] as? Int ?? 0)</td><td>\(escape(test["message"] as? String ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        return page("Submissions of \(member)", html)
    }
}
