import Course
import Foundation
import Grader
@testable import Site
import Terminal
import Testing

/// The course is read once, by ``CourseLoader``: the terminal, the site, the grader's catalog
/// and lint all see the same run steps, includes, exercises and hints because they are handed
/// the same model, not because four parsers happen to agree.
@Suite struct OneReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func terminalSiteGraderAndLintSeeTheSameLessons() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("one-reader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let terminal = try ReadingContext.load(course: Self.root.path, lang: "en", color: .never,
                                               environment: ["LLMCOURSE_STATE_DIR": state.path]).course
        let site = SiteCourse(try CourseLoader.load(root: Self.root))
        let lint = LintContext(course: try CourseLoader.load(root: Self.root), knownDemoIDs: nil)
        let linted = Dictionary(lint.allLessons.map { ("\($0.id) \($0.language)", $0) }, uniquingKeysWith: { a, _ in a })

        #expect(terminal.lessonIDs.count > 10)
        var stepsRendered = 0
        for id in terminal.lessonIDs where site.hasLesson(id) {
            for language in CourseLanguage.allCases {
                guard let read = terminal.lessons[id]?[language] else { continue }
                let shown = site.lesson(id, language == .english ? .english : .traditionalChinese).lesson
                let checked = try #require(linted["\(id) \(language)"])
                #expect(read.runSteps == shown.runSteps && read.runSteps == checked.runSteps, "\(read.path)")
                #expect(read.includes == shown.includes && read.includes == checked.includes, "\(read.path)")
                #expect(read.exerciseReferences == shown.exerciseReferences && read.exerciseReferences == checked.exerciseReferences)
            }
            // The site's page shows exactly the model's run steps, in order.
            let lesson = site.lesson(id, .english).lesson
            let renderer = PageRenderer(context: .init(page: SitePaths.lesson(id, .english), sourcePath: lesson.path, lang: .english,
                                                       linker: SiteLinker(course: site), course: site.course, figures: { _ in [] }))
            _ = renderer.render(lesson.document)
            #expect(renderer.demos == lesson.runSteps.map(\.demoID).filter { !$0.isEmpty }, "\(lesson.path)")
            stepsRendered += renderer.demos.count
        }
        #expect(stepsRendered > 10)
    }

    @Test func theGraderAndTheSiteSeeTheSameExercises() throws {
        let course = try CourseLoader.load(root: Self.root)
        let site = SiteCourse(course)
        let catalog = try ExerciseCatalog.load(courseRoot: Self.root)
        #expect(catalog.problems.isEmpty)
        #expect(catalog.exercises.count >= 20)
        #expect(Set(catalog.exercises.map(\.id)) == Set(site.exerciseIDs))
        for exercise in catalog.exercises {
            let model = try #require(course.exercises[exercise.id])
            for (language, edition) in model.editions {
                #expect(exercise.text(language).hints == edition.hints, "\(edition.path)")
                #expect(exercise.text(language).title == edition.title, "\(edition.path)")
                #expect(site.exercise(exercise.id, language == .english ? .english : .traditionalChinese).exercise == edition)
            }
            #expect(exercise.lesson == model.lessonID)
        }
    }
}
