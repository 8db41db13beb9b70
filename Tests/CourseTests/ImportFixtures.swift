import Foundation
@testable import Course

/// The upstream-style fixture READMEs the import tests share: `roadmap-en.md` and its
/// Traditional Chinese edition `roadmap-zh-TW.md` (written for these tests in the style of
/// the open LLM course: emoji part titles, notebook tables with Colab badges, references
/// with "by" and full-width colons, sub-topics, tables, code, images, alerts).
enum ImportFixtures {
    static func url(_ name: String) -> URL {
        FixturePaths.fixtures.appendingPathComponent("import/\(name)")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func parse(_ name: String) throws -> UpstreamRoadmap {
        try UpstreamRoadmapParser.parse(text(name), path: name)
    }

    /// The files an import of `name` (and optionally its translation) would write, by path.
    static func files(_ name: String, translation: String? = nil) throws -> [String: String] {
        var course = ImportedCourse(roadmap: try parse(name), translation: try translation.map(parse), sourceName: name)
        course.pairTranslation()
        return Dictionary(CourseSkeletonWriter.files(for: course).map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
    }

    /// Imports into a fresh temporary folder; the caller removes it.
    static func importCourse(_ name: String, translation: String? = nil, ids: String? = nil) throws -> (ImportedCourse, URL) {
        let out = try FixturePaths.temporaryDirectory()
        let course = try CourseImporter.importRoadmap(from: url(name), translation: translation.map(url), ids: ids.map(url), to: out)
        return (course, out)
    }

    static func read(_ out: URL, _ path: String) -> String {
        (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }
}
