import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes ``CourseProgress`` as JSON in `<directory>/progress.json`.
///
/// Writes are atomic: the new state goes to a temporary file in the same folder, is flushed to
/// disk, then renamed over the old one, so a crash or a full disk leaves the previous state whole.
/// Concurrent updaters (a `watch` loop and a `check` in another terminal) are serialized with an
/// advisory lock on `<directory>/progress.lock`.
///
/// ```swift
/// let store = try ProgressStore(directory: ProgressStore.defaultDirectory(courseRoot: root))
/// try store.update { $0.markSectionRead(lesson: "neural-networks", section: 2) }
/// ```
public struct ProgressStore: Sendable {
    public let directory: URL
    public var fileURL: URL { directory.appendingPathComponent("progress.json") }

    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ProgressError.cannotCreate(directory.path, reason: error.localizedDescription)
        }
    }

    /// `$LLMCOURSE_STATE_DIR` when set, else `<course root>/.llmcourse`.
    public static func defaultDirectory(courseRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["LLMCOURSE_STATE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        return courseRoot.appendingPathComponent(".llmcourse", isDirectory: true)
    }

    /// The saved progress, or an empty one when nothing was saved yet.
    ///
    /// A file that cannot be decoded is moved aside to `progress.damaged-<time>.json` (never
    /// deleted) and ``ProgressError/damaged(path:backup:reason:)`` is thrown, so the learner
    /// hears about it instead of silently starting over.
    public func load() throws -> CourseProgress {
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch CocoaError.fileReadNoSuchFile {
            return CourseProgress()
        } catch let error as NSError where error.domain == NSPOSIXErrorDomain && error.code == Int(ENOENT) {
            return CourseProgress()
        } catch {
            // A folder in its place, no permission, an I/O error: say so, touch nothing.
            var isFolder: ObjCBool = false
            let reason = FileManager.default.fileExists(atPath: fileURL.path, isDirectory: &isFolder) && isFolder.boolValue
                ? "it is a folder, not a file" : ((error as NSError).localizedFailureReason ?? error.localizedDescription)
            throw ProgressError.cannotRead(fileURL.path, reason: reason)
        }
        // The format version first: a newer llmcourse's file may not decode here, and it is
        // not damaged, so it must be left where it is.
        struct Version: Decodable { var version: Int? }
        if let version = (try? Self.decoder.decode(Version.self, from: data))?.version, version > CourseProgress.currentVersion {
            throw ProgressError.newerFormat(path: fileURL.path, version: version)
        }
        do {
            return try Self.decoder.decode(CourseProgress.self, from: data)
        } catch let error as ProgressError {
            throw error
        } catch {
            let backup = try moveAside()
            throw ProgressError.damaged(path: fileURL.path, backup: backup.path, reason: String(describing: error))
        }
    }

    /// Loads, applies `change`, and saves atomically, holding the lock throughout.
    @discardableResult
    public func update(_ change: (inout CourseProgress) throws -> Void) throws -> CourseProgress {
        try withLock {
            var progress = try load()
            try change(&progress)
            try save(progress)
            return progress
        }
    }

    /// Writes `progress` atomically (temporary file, fsync, rename).
    public func save(_ progress: CourseProgress) throws {
        let data = try Self.encoder.encode(progress)
        let temp = directory.appendingPathComponent(".progress-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try data.write(to: temp)
            let fd = open(temp.path, O_RDONLY)
            if fd >= 0 { fsync(fd); close(fd) }
            guard rename(temp.path, fileURL.path) == 0 else {
                throw ProgressError.cannotWrite(fileURL.path, reason: String(cString: strerror(errno)))
            }
        } catch let error as ProgressError {
            try? FileManager.default.removeItem(at: temp)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw ProgressError.cannotWrite(fileURL.path, reason: error.localizedDescription)
        }
    }

    private func moveAside() throws -> URL {
        let stamp = Int(Date().timeIntervalSince1970)
        var backup = directory.appendingPathComponent("progress.damaged-\(stamp).json")
        var n = 1
        while FileManager.default.fileExists(atPath: backup.path) {
            backup = directory.appendingPathComponent("progress.damaged-\(stamp)-\(n).json")
            n += 1
        }
        try FileManager.default.moveItem(at: fileURL, to: backup)
        return backup
    }

    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let lockPath = directory.appendingPathComponent("progress.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw ProgressError.cannotWrite(lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        _ = flock(fd, LOCK_EX)
        defer { _ = flock(fd, LOCK_UN) }
        return try body()
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return e
    }()

    private static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }()
}

public enum ProgressError: Error, CustomStringConvertible, Equatable {
    case damaged(path: String, backup: String, reason: String)
    case newerFormat(path: String, version: Int)
    case cannotCreate(String, reason: String)
    case cannotWrite(String, reason: String)
    case cannotRead(String, reason: String)

    public var description: String {
        switch self {
        case .damaged(let path, let backup, let reason):
            return "the progress file \(path) could not be read (\(reason)). It was kept as \(backup); a new progress file will be started. To restore it, fix the JSON and move it back."
        case .newerFormat(let path, let version):
            return "the progress file \(path) was written by a newer llmcourse (format \(version)). Update llmcourse to read it; the file was left untouched."
        case .cannotCreate(let path, let reason):
            return "cannot create the progress folder \(path): \(reason). Check its permissions or set LLMCOURSE_STATE_DIR to a writable folder."
        case .cannotWrite(let path, let reason):
            return "cannot save progress to \(path): \(reason). Your previous progress is unchanged; free some disk space or check permissions, then try again."
        case .cannotRead(let path, let reason):
            return "cannot read the progress file \(path): \(reason). It was left as it is; fix its permissions (or move it away), or set LLMCOURSE_STATE_DIR to another folder."
        }
    }
}
