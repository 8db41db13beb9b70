import Foundation
@testable import StudyGroup
import Testing

@Suite("Database locations and SQL placeholders")
struct DatabaseLocationTests {
    @Test func urlsAndPathsAreToldApart() throws {
        #expect(try DatabaseLocation("group.sqlite") == .sqlite(path: "group.sqlite"))
        #expect(try DatabaseLocation("/srv/a://b.sqlite") == .sqlite(path: "/srv/a://b.sqlite"))
        #expect(try DatabaseLocation("postgres://u@h/db") == .postgres(url: "postgres://u@h/db"))
        #expect(try DatabaseLocation("PostgreSQL://u@h/db").isShared)
        let refused = #expect(throws: DatabaseError.self) { try DatabaseLocation("mysql://u:secret@h/db") }
        #expect(refused?.message.contains("secret") == false)
        #expect(refused?.message.contains("postgres://USER:PASSWORD@HOST:5432/DATABASE") == true)
    }

    @Test func passwordsAreRedacted() {
        #expect(DatabaseLocation.redacted("postgres://group:s3cr%40t@db.lan:5432/group") == "postgres://group:***@db.lan:5432/group")
        #expect(DatabaseLocation.redacted("postgres://group@db.lan/group") == "postgres://group@db.lan/group")
        #expect(DatabaseLocation.redacted("postgres://db.lan/group?sslmode=require&password=hunter2")
                == "postgres://db.lan/group?sslmode=require&password=***")
        #expect(DatabaseLocation.redacted("/tmp/group.sqlite") == "/tmp/group.sqlite")
    }

    @Test func placeholdersAreNumberedOutsideQuotesAndComments() {
        #expect(PostgresDatabase.numberPlaceholders("SELECT * FROM t WHERE a = ? AND b = '?' AND \"c?\" = ? -- why?\nLIMIT ?")
                == "SELECT * FROM t WHERE a = $1 AND b = '?' AND \"c?\" = $2 -- why?\nLIMIT $3")
    }

    @Test func anUnreachableServerIsNamedWithoutItsPassword() {
        let error = #expect(throws: DatabaseError.self) {
            _ = try PostgresDatabase(url: "postgres://ada:topsecret@127.0.0.1:1/none", connectTimeoutSeconds: 2)
        }
        #expect(error?.message.contains("could not connect to postgres://ada:***@127.0.0.1:1/none") == true)
        #expect(error?.message.contains("topsecret") == false)
        #expect(error?.message.contains("is the server running?") == true)
    }
}
