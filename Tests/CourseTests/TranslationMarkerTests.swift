import Foundation
import Testing
@testable import Course

@Suite struct TranslationMarkerTests {
    @Test func replacesStaleHash() throws {
        let root = try FixturePaths.copyOfCourse("broken-translations")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let hash = try TranslationMarker.markTranslated("stale", root: root)
        let source = try Data(contentsOf: root.appendingPathComponent("Lessons/stale/lesson.md"))
        #expect(hash == SHA256.sourceHash(source))
        let text = try String(contentsOf: root.appendingPathComponent("Lessons/stale/lesson.zh-TW.md"), encoding: .utf8)
        #expect(text.hasPrefix("<!-- translation\nsource-hash: \(hash)\n-->\n\n# 課\n"))
        let course = try CourseLoader.load(root: root)
        #expect(course.translationStatus("stale", .traditionalChinese) == .upToDate)
    }

    @Test func addsCommentWhenMissing() throws {
        let root = try FixturePaths.copyOfCourse("broken-translations")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let hash = try TranslationMarker.markTranslated("unmarked", root: root)
        let text = try String(contentsOf: root.appendingPathComponent("Lessons/unmarked/lesson.zh-TW.md"), encoding: .utf8)
        #expect(text.hasPrefix("<!-- translation\nsource-hash: \(hash)\n-->\n\n# 課\n\n## 一\n"))
        let problems = Linter(knownDemoIDs: ["hello-demo"]).lint(root: root).problems
        #expect(!problems.contains { $0.path == "Lessons/unmarked/lesson.zh-TW.md" })
    }

    @Test func singleLineCommentGetsHash() {
        let text = "<!-- translation -->\n\n# 課\n"
        let out = TranslationMarker.rewrite(text, hash: "abcdefabcdef", id: "x", language: .traditionalChinese, path: "p")
        #expect(out == "<!-- translation\nsource-hash: abcdefabcdef\n-->\n\n# 課\n")
    }

    @Test func missingTranslationThrows() throws {
        let root = FixturePaths.course("broken-translations")
        #expect(throws: CourseError.self) { try TranslationMarker.markTranslated("missing-tr", root: root) }
        #expect(throws: CourseError.unknownLesson("nope", known: ["missing-tr", "orphan", "sections", "stale", "unmarked"])) {
            try TranslationMarker.markTranslated("nope", root: root)
        }
    }
}
