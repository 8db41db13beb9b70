import Foundation
import Testing
@testable import Course

/// Writing the course: all or nothing, and errors that name the real problem in the
/// language of `--lang`.
@Suite struct OutputImportTests {
    @Test func aFailedWriteLeavesNothingBehind() throws {
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = folder.appendingPathComponent("img/roadmap_fundamentals.png")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("png".utf8).write(to: image)
        let readme = folder.appendingPathComponent("README.md")
        try FileManager.default.copyItem(at: ImportFixtures.url("roadmap-en.md"), to: readme)
        let roadmap = try UpstreamRoadmapParser.parse(String(contentsOf: readme, encoding: .utf8), path: readme.path, baseFolder: folder)
        let course = ImportedCourse(roadmap: roadmap, sourceName: "README.md", sourceFolder: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        // The image disappears between reading and writing: the copy fails after every lesson was written.
        try FileManager.default.removeItem(at: image)
        #expect(throws: ImportError.self) { try CourseSkeletonWriter.write(course, to: out) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [])

        // So a retry succeeds.
        try Data("png".utf8).write(to: image)
        try CourseSkeletonWriter.write(course, to: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["Lessons"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("Lessons/quantization/lesson.md").path))
    }

    @Test func inputsThatAreNotFilesSaySo() throws {
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        #expect(throws: ImportError.inputIsFolder(path: folder.path)) {
            try CourseImporter.importRoadmap(from: folder, to: out)
        }
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: ImportError.inputNotAFile(path: fifo.path)) {
            try CourseImporter.importRoadmap(from: fifo, to: out)
        }
        #expect(throws: ImportError.inputNotAFile(path: "/dev/null")) {
            try CourseImporter.importRoadmap(from: URL(fileURLWithPath: "/dev/null"), to: out)
        }
        #expect(throws: ImportError.inputMissing(path: folder.appendingPathComponent("nope.md").path)) {
            try CourseImporter.importRoadmap(from: folder.appendingPathComponent("nope.md"), to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anOutputThatIsAFileSaysSo() throws {
        let folder = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("course.txt")
        try Data("x".utf8).write(to: file)
        do {
            try CourseImporter.importRoadmap(from: ImportFixtures.url("roadmap-en.md"), to: file)
            Issue.record("an output file was accepted")
        } catch {
            #expect(error == .outputIsFile(path: file.path))
            #expect(error.message(.english) == "\(file.path) is a file, not a folder: --out names the folder to write the course into")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    @Test func messagesFollowTheLanguage() {
        let errors: [ImportError] = [
            .notARoadmap(path: "a.md", reason: .noParts), .inputMissing(path: "a.md"), .inputIsFolder(path: "docs"),
            .inputNotAFile(path: "/dev/stdin"), .translationLanguage(path: "a.md", expected: .traditionalChinese),
            .outputExists(path: "out"), .outputIsFile(path: "out"), .cannotWrite(path: "out", reason: "disk full"),
            .badIDLine(path: "ids", line: 2, text: "x"), .duplicateID(id: "rag"),
        ]
        for error in errors {
            let zh = error.message(.traditionalChinese)
            #expect(zh != error.message(.english))
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(zh)")
            #expect(error.description == error.message(.english))
        }
        #expect(ImportError.inputIsFolder(path: "docs").message(.traditionalChinese).contains("是資料夾"))
        #expect(CourseSkeletonWriter.reason(NSError(domain: NSCocoaErrorDomain, code: 512, userInfo: [
            NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOTDIR))])) == "Not a directory")
    }
}
