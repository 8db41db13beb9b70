import Course
import Foundation
@testable import Grader
import Progress
import Testing

@Suite("Exercise folders")
struct ExerciseCatalogTests {
    @Test func metadataTitleAndHintsAreRead() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        let probe = course.exercise
        #expect(probe.lesson == "testing")
        #expect(probe.starterFiles == ["Probe.swift"])
        #expect(probe.referenceParts.path == "Sources/Probe.swift" && probe.referenceParts.anchor == "answer")
        #expect(probe.timeoutSeconds == 2 && probe.memoryMegabytes == 256)
        #expect(probe.text(.english).title == "Probe")
        #expect(probe.text(.english).hints == ["The answer is a number.", "Return 42."])
        #expect(probe.text(.traditionalChinese).hints == ["答案是一個數字。", "回傳 42。"])
        #expect(ExerciseLint.problems(probe, courseRoot: course.root).isEmpty)
    }

    /// The task text as the course model reads it, checked as the catalog checks it.
    func validate(_ source: String) throws(ExerciseError) {
        try ExerciseCatalog.validate(ExerciseParser.parse(source, id: "x", language: .english, path: "e.md"))
    }

    @Test func malformedMetadataNamesTheLine() {
        let source = "<!-- exercise\nid: x\nthis line has no colon\n-->\n# T\n"
        #expect(throws: ExerciseError.malformed(path: "e.md", line: 3,
                                                problem: "malformed exercise metadata line 'this line has no colon': write it as `key: value`")) {
            try validate(source)
        }
        #expect(throws: ExerciseError.self) { try validate("# No metadata\n") }
    }

    @Test func hintsContinueOverWrappedLines() {
        let lines = ["<!-- exercise", "id: x", "-->", "# T", "", "## Hints", "", "1. First part", "   continues here.", "2. Second", "", "## After", "1. not a hint"]
        let parsed = ExerciseParser.parse(lines.joined(separator: "\n"), id: "x", language: .english, path: "e.md")
        #expect(parsed.hints == ["First part continues here.", "Second"])
    }

    @Test func orderFollowsTheLessonsThenTheirExerciseLists() {
        func make(_ id: String, _ lesson: String) -> Exercise {
            Exercise(id: id, folder: URL(fileURLWithPath: "/x"), lesson: lesson, starterFiles: [], reference: "",
                     timeoutSeconds: 1, memoryMegabytes: 64, texts: [.english: ExerciseText(path: "", title: id, hints: [], markdown: "")])
        }
        let ordered = ExerciseCatalog.order([make("z-unlisted", "b"), make("b2", "b"), make("a1", "a"), make("b1", "b")],
                                            lessonOrder: ["a", "b"], lessonExercises: ["b": ["b1", "b2"]])
        #expect(ordered.map(\.id) == ["a1", "b1", "b2", "z-unlisted"])
    }

    @Test func resetKeepsABackupAndRestoresTheStarter() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        try course.write("func answer() -> Int { 41 }\n")
        let results = try course.grader.workspace.reset(course.exercise, now: Date(timeIntervalSince1970: 0))
        let backup = try #require(results.first?.backup)
        #expect(backup.lastPathComponent == "Probe.swift.19700101-000000.bak")
        #expect(try String(contentsOf: backup, encoding: .utf8) == "func answer() -> Int { 41 }\n")
        let starter = try String(contentsOf: course.exercise.folder.appendingPathComponent("Probe.swift"), encoding: .utf8)
        #expect(try String(contentsOf: course.workingCopy, encoding: .utf8) == starter)
        let again = try course.grader.workspace.reset(course.exercise, now: Date(timeIntervalSince1970: 0))
        #expect(again.first?.backup?.lastPathComponent == "Probe.swift.19700101-000000-1.bak")
    }

    @Test func hintsAreRevealedOneAtATimeAndRemembered() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        let first = try HintBook.reveal(course.exercise, language: .english, store: course.grader.store)
        let second = try HintBook.reveal(course.exercise, language: .traditionalChinese, store: course.grader.store)
        let third = try HintBook.reveal(course.exercise, language: .english, store: course.grader.store)
        #expect(first == HintBook.Reveal(number: 1, total: 2, text: "The answer is a number.", last: false))
        #expect(second?.text == "回傳 42。" && second?.last == true)
        #expect(third?.number == 2)
        #expect(try course.grader.store?.load().exercises["probe"]?.hintsShown == 2)
    }

    @Test func theSolutionOpensOnlyAfterAPass() throws {
        let course = try ProbeCourse()
        defer { course.cleanUp() }
        #expect(throws: ExerciseError.notPassedYet("probe")) {
            try SolutionViewer.solution(course.exercise, courseRoot: course.root, progress: CourseProgress(), force: false)
        }
        var passed = CourseProgress()
        passed.markExercisePassed("probe")
        let solution = try SolutionViewer.solution(course.exercise, courseRoot: course.root, progress: passed, force: false)
        #expect(solution.code == "func answer() -> Int { 42 }")
        #expect(solution.firstLine == 2)
        let forced = try SolutionViewer.solution(course.exercise, courseRoot: course.root, progress: nil, force: true)
        #expect(forced == solution)
    }
}
