import Foundation
import StudyGroup
import Testing

/// The server's API and gradebook with the gradebook on PostgreSQL: the same checks as on SQLite.
@Suite("Study-group server on PostgreSQL", .serialized, .timeLimit(.minutes(3)),
       .enabled(if: ScratchPostgres.isAvailable, ScratchPostgres.skipReason))
struct PostgresServerTests {
    @Test func refusalsCarryTheirStatusAndAMessage() async throws {
        try await ServerAPITests.refusals(on: .postgres)
    }

    @Test func fiftyConcurrentSubmissionsAreEachGradedOnce() async throws {
        try await ServerAPITests.fiftyConcurrentSubmissions(on: .postgres)
    }

    @Test func theGradebookMatrixAndExports() async throws {
        try await GradebookTests.matrixAndExports(on: .postgres)
    }
}
