import Foundation
import Testing
@testable import Course

@Suite struct CourseLoaderTests {
    let root = FixturePaths.course("valid")

    @Test func roadmapTree() throws {
        let course = try CourseLoader.load(root: root)
        let roadmap = course.roadmap
        #expect(roadmap.title == "A Tiny Course")
        #expect(roadmap.parts.map(\.id) == ["basics", "practice"])
        #expect(roadmap.parts[0].chapters.map(\.lessonID) == ["alpha", "beta"])
        #expect(roadmap.parts[0].chapters[0].note == "▶ runnable")
        #expect(roadmap.parts[0].chapters[1].subLessons.map(\.lessonID) == ["beta-deep"])
        #expect(roadmap.parts[0].chapters[0].range.start == SourcePosition(line: 9, column: 4))
        #expect(course.lessonIDs == ["alpha", "beta", "beta-deep", "gamma"])
        #expect(course.lessonID(after: "beta") == "beta-deep")
        #expect(course.lessonID(before: "alpha") == nil)

        let chinese = course.roadmap(in: .traditionalChinese)
        #expect(chinese.title == "小小課程")
        #expect(chinese.parts.map(\.id) == ["basics", "practice"])
        #expect(chinese.parts.map(\.title) == ["基礎", "練習"])
        #expect(chinese.parts[0].chapters[0].note == "▶ 可執行")
        #expect(course.diagnostics.isEmpty)
    }

    @Test func lessonTree() throws {
        let course = try CourseLoader.load(root: root)
        let lesson = try course.lesson("alpha", in: .english).lesson
        #expect(lesson.title == "Sums")
        #expect(lesson.path == "Lessons/alpha/lesson.md")
        #expect(lesson.metadata?.id == "alpha")
        #expect(lesson.metadata?.demos == ["hello-demo"])
        #expect(lesson.metadata?.exercises == ["alpha-sum"])
        #expect(lesson.sections.map(\.title) == ["What a sum is", "The code"])
        #expect(lesson.sections.map(\.anchor) == ["what-a-sum-is", "the-code"])
        #expect(lesson.sections[0].range.start.line == 11)
        #expect(lesson.runSteps == [RunStep(demoID: "hello-demo", command: "llmcourse run hello-demo\n",
                                            range: SourceRange(start: .init(line: 15, column: 1), end: .init(line: 17, column: 3)))])
        #expect(lesson.includes.map(\.path) == ["Sources/Example/Thing.swift"])
        #expect(lesson.includes.map(\.anchor) == ["sum"])
        #expect(lesson.exerciseReferences.map(\.id) == ["alpha-sum"])
        #expect(lesson.links.map(\.destination) == ["../beta/lesson.md#multiplying-numbers", "../../Exercises/alpha-sum/exercise.md", "#what-a-sum-is"])
        #expect(lesson.references.isEmpty)
        // The pipe table stays in the last section.
        #expect(lesson.sections[1].blocks.contains { if case .table = $0 { return true } else { return false } })
        let region = try course.resolve(lesson.includes[0], in: lesson)
        #expect(region.code == "static func sum(_ xs: [Int]) -> Int {\n    xs.reduce(0, +)\n}")
        #expect(region.firstLine == 4)
    }

    @Test func translationsAndFallback() throws {
        var course = try CourseLoader.load(root: root)
        let shown = try course.lesson("alpha", in: .traditionalChinese)
        #expect(shown.lesson.title == "總和")
        #expect(shown.notice == nil)
        #expect(shown.lesson.sections.map(\.anchor) == ["什麼是總和", "程式碼"])
        #expect(course.translationStatus("alpha", .traditionalChinese) == .upToDate)

        course.lessons["beta"]?[.traditionalChinese] = nil
        let fallback = try course.lesson("beta", in: .traditionalChinese)
        #expect(fallback.isFallback)
        #expect(fallback.lesson.title == "Products")
        #expect(fallback.notice != nil)
        #expect(throws: CourseError.self) { try course.lesson("nope", in: .english) }
    }

    @Test func findsRootFromSubfolderAndEnvironment() throws {
        let found = try CourseLoader.findRoot(explicit: nil, environment: [:],
                                              currentDirectory: root.appendingPathComponent("Lessons/alpha").path)
        #expect(found.standardizedFileURL.path == root.standardizedFileURL.path)
        let fromEnv = try CourseLoader.findRoot(explicit: nil, environment: ["LLMCOURSE_ROOT": root.path], currentDirectory: "/")
        #expect(fromEnv.path == root.standardizedFileURL.path)
        #expect(throws: CourseError.roadmapMissing(root: "/")) {
            try CourseLoader.findRoot(explicit: "/", environment: [:], currentDirectory: "/tmp")
        }
        #expect(throws: CourseError.courseNotFound(searchedFrom: "/")) {
            try CourseLoader.findRoot(explicit: nil, environment: [:], currentDirectory: "/", executable: nil)
        }
    }

    @Test func outsideAnyCourseTheProgramFindsTheCourseItWasBuiltIn() throws {
        // `~/.local/bin/llmcourse` links to `<course>/.build/release/llmcourse`; run from `/`.
        let program = root.appendingPathComponent(".build/release/llmcourse")
        let found = try CourseLoader.findRoot(explicit: nil, environment: [:], currentDirectory: "/", executable: program)
        #expect(found.path == root.standardizedFileURL.path)
        // A course in (or above) the current folder still comes first.
        let other = try CourseLoader.findRoot(explicit: nil, environment: [:],
                                              currentDirectory: root.appendingPathComponent("Lessons").path,
                                              executable: URL(fileURLWithPath: "/usr/bin/llmcourse"))
        #expect(other.path == root.standardizedFileURL.path)
        // The running program's real path is known (tests run from this package's build folder).
        #expect(CourseLoader.runningProgram?.path.contains(".build") == true)
    }
}
