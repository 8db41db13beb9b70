import ArgumentParser
import Course
import Foundation
import StudyGroup

/// The study group: a grading server for a group's members, and submitting to it.
enum GroupCommands {
    static let all: [any ParsableCommand.Type] = [GroupCommand.self, Submit.self]
}

/// `llmcourse group …`
struct GroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract: "Run a study group: a server that grades members' submissions and keeps a gradebook.",
        subcommands: [GroupServe.self, GroupWorker.self, GroupAdd.self, GroupMembers.self, GroupRevoke.self]
    )
}

/// Where the group's database lives; shared by the group commands.
struct GroupDatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database: a SQLite file path (default: <course>/.llmcourse/group.sqlite) or a PostgreSQL URL shared by several machines.",
        discussion: "PostgreSQL URL: \(DatabaseLocation.urlFormat). Leave the password out to take it from PGPASSWORD or ~/.pgpass.",
        valueName: "path-or-url"))
    var database: String?

    @Option(name: .long, help: "The course folder (default: found from the current folder or LLMCOURSE_ROOT).")
    var course: String?

    func root() throws -> URL { try CourseLoader.findRoot(explicit: course) }

    func path() throws -> String {
        if let database { return database }
        return try root().appendingPathComponent(".llmcourse/group.sqlite").path
    }

    func location() throws -> DatabaseLocation {
        do {
            return try DatabaseLocation(path())
        } catch let error as DatabaseError {
            throw ValidationError(error.message)
        }
    }

    func store() throws -> GroupStore { try GroupStore(location: location()) }

    /// Where uploaded files are written for grading: beside a SQLite file, else in the course's `.llmcourse`.
    func uploadsFolder() throws -> URL {
        if case .sqlite(let path) = try location() {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("group-uploads")
        }
        return try root().appendingPathComponent(".llmcourse/group-uploads")
    }
}

/// `llmcourse group add <name>`
struct GroupAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member and print their personal token (shown once; only its hash is kept)."
    )

    @Argument(help: "The member's name: up to 64 letters, digits, spaces, '-', '_', '.' or apostrophes. A revoked member's name gives them a new token.")
    var name: String

    @OptionGroup var options: GroupDatabaseOptions

    func run() throws {
        let store = try options.store()
        let wasRevoked = try store.member(named: name)?.revoked == true
        let token = try store.addMember(name)
        print(wasRevoked ? "Reinstated \(name) (their token had been revoked; their submissions are kept). Their new token (shown only now; hand it over privately):"
                         : "Added \(name). Their token (shown only now; hand it over privately):")
        print("")
        print("    \(token)")
        print("")
        print("On their machine: export LLMCOURSE_SERVER=http://<this machine>:8080 LLMCOURSE_TOKEN=\(token)")
    }
}

/// `llmcourse group members`
struct GroupMembers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "List the group's members.")

    @OptionGroup var options: GroupDatabaseOptions

    func run() throws {
        let formatter = ISO8601DateFormatter()
        for member in try options.store().members() {
            let state = member.revoked ? "revoked" : member.role.rawValue
            print("\(member.name.padding(toLength: max(20, member.name.count), withPad: " ", startingAt: 0))  \(state.padding(toLength: 8, withPad: " ", startingAt: 0))  since \(formatter.string(from: member.createdAt))")
        }
    }
}

/// `llmcourse group revoke <name>`
struct GroupRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a member's token; their submissions stay in the gradebook."
    )

    @Argument(help: "The member's name.")
    var name: String

    @OptionGroup var options: GroupDatabaseOptions

    func run() throws {
        try options.store().revoke(name)
        print("Revoked \(name)'s token. `llmcourse group add \(name)` gives them a new one; their submissions stay.")
    }
}
