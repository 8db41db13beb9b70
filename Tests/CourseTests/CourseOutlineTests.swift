import Course
import Foundation
import Testing

/// The outline (what the grader reads) agrees with the whole course model on this repository.
@Suite("Course outline")
struct CourseOutlineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theOutlineHasTheCoursesOrderMetadataAndExercises() throws {
        let course = try CourseLoader.load(root: Self.packageRoot)
        let outline = try CourseLoader.loadOutline(root: Self.packageRoot)
        #expect(outline.lessonIDs == course.lessonIDs)
        #expect(Set(outline.exercises.keys) == Set(course.exercises.keys))
        for id in course.lessonIDs {
            let full = course.lessons[id]?[.english]?.metadata
            #expect(outline.lessonMetadata[id]?.exercises == full?.exercises, "\(id)")
            #expect(outline.lessonMetadata[id]?.demos == full?.demos, "\(id)")
        }
        #expect(outline.lessonMetadata["rag"]?.exercises.isEmpty == false)
    }
}
