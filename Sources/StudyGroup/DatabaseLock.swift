import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `group serve` per SQLite file: the server holds an exclusive `flock` on
/// `<database>.lock` for as long as it runs.
///
/// Two servers on one file would both re-queue what the other is grading (the SQLite queue
/// trusts that one process owns the file) and grade submissions twice. The lock is taken
/// before anything is re-queued. The kernel drops it when the process exits, however it
/// exits, so a crash never leaves a stale lock behind; the pid written in the file only makes
/// the refusal more helpful. The descriptor is close-on-exec, so a grading child process
/// never keeps the lock alive after the server is gone.
public final class DatabaseLock: @unchecked Sendable {
    public let path: String
    private var descriptor: Int32

    /// Takes the lock for the SQLite database at `databasePath`, or throws saying who holds it.
    public init(databasePath: String) throws {
        path = databasePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw DatabaseError("cannot create the lock file \(path): \(String(cString: strerror(errno))). Check the database's folder is writable.")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            descriptor = -1
            let who = Int(holder).map { " (process \($0))" } ?? ""
            throw DatabaseError("""
                another `llmcourse group serve`\(who) is already serving \(databasePath); two servers on one SQLite file \
                would grade the same submissions twice. Stop the other server first, or give this one its own --database \
                (or use a PostgreSQL --database with `llmcourse group worker` to grade on several machines).
                """)
        }
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Releases the lock (also done when the object goes away or the process exits).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
