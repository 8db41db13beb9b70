import Foundation
@testable import StudyGroup
import Testing

/// The presentation page borrows the site's lesson page and a `<base href>` for its relative
/// links; in-page links must still lead back to the presentation, not to `/lessons/#…`.
@Suite("Study-group presentation view")
struct PresentationViewTests {
    static func site() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("group-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try """
        <!doctype html><html><head><title>Attention</title><link rel="stylesheet" href="../assets/site.css"></head>
        <body><main class="content"><article><h1>Attention</h1><p>Intro, see <a href="#scores">scores</a>.</p>
        <h2 id="scores"><a class="anchor" href="#scores">#</a>Scores</h2><p>Next: <a href="decoding.html">decoding</a>.</p>
        </article></main></body></html>
        """.write(to: folder.appendingPathComponent("lessons/attention.html"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Where a browser goes for `href` on the page, given its `<base href>`.
    static func resolve(_ href: String, in html: String) throws -> String {
        let base = try #require(html.firstMatch(of: /<base href="([^"]*)">/)).output.1
        let page = try #require(URL(string: "http://group.lan" + base))
        return try #require(URL(string: href, relativeTo: page)?.absoluteURL.path)
    }

    @Test func inPageLinksStayOnThePresentationAndRelativeLinksReachTheSite() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site) }
        let html = try #require(PresentationView.page(lesson: "attention", zhTW: false, siteFolder: site))
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        let anchors = hrefs.filter { $0.contains("#scores") }
        #expect(anchors.count == 2)
        for anchor in anchors { #expect(try Self.resolve(anchor, in: html) == "/present/attention", "\(anchor)") }
        #expect(try Self.resolve("decoding.html", in: html) == "/lessons/decoding.html")
        #expect(try Self.resolve("../assets/site.css", in: html) == "/assets/site.css")
        // The slide number is written onto the page's own path, not resolved against the base.
        #expect(html.contains("history.replaceState(null,\"\",location.pathname+location.search+\"#\""))
        #expect(!html.contains("history.replaceState(null,\"\",\"#\""))
    }

    @Test func theTraditionalChinesePresentationLinksToItself() throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("zh-TW/lessons"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: site.appendingPathComponent("lessons/attention.html"),
                                         to: site.appendingPathComponent("zh-TW/lessons/attention.html"))
        let html = try #require(PresentationView.page(lesson: "attention", zhTW: true, siteFolder: site))
        #expect(html.contains("href=\"/present/zh-TW/attention#scores\""))
    }
}
