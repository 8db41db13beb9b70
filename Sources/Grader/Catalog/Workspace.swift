import Foundation

/// The learner's working copies: `workspace/<id>/<Starter>.swift` in the course folder.
///
/// The starter files in `Exercises/<id>/` stay untouched so `reset` can restore them and the
/// authoring check can prove they fail. A working copy is made from the starter the first
/// time an exercise is checked, watched or hinted; `LLMCOURSE_WORKSPACE` moves the folder.
public struct Workspace: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    /// `$LLMCOURSE_WORKSPACE`, else `<course root>/workspace`.
    public static func `default`(courseRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Workspace {
        if let dir = environment["LLMCOURSE_WORKSPACE"], !dir.isEmpty {
            return Workspace(folder: URL(fileURLWithPath: dir, isDirectory: true))
        }
        return Workspace(folder: courseRoot.appendingPathComponent("workspace", isDirectory: true))
    }

    public func folder(for exercise: Exercise) -> URL {
        folder.appendingPathComponent(exercise.id, isDirectory: true)
    }

    /// The learner's copies of the starter files (which may not exist yet).
    public func files(for exercise: Exercise) -> [URL] {
        exercise.starterFiles.map { folder(for: exercise).appendingPathComponent($0) }
    }

    /// Makes any missing working copy from its starter; returns the copies created.
    @discardableResult
    public func prepare(_ exercise: Exercise) throws(ExerciseError) -> [URL] {
        var created: [URL] = []
        for (name, copy) in zip(exercise.starterFiles, files(for: exercise)) where !FileManager.default.fileExists(atPath: copy.path) {
            try copyStarter(name, of: exercise, to: copy)
            created.append(copy)
        }
        return created
    }

    /// Puts the starter back. The learner's current file is kept next to it as
    /// `<File>.swift.<yyyyMMdd-HHmmss>.bak`; returns (restored copy, backup) pairs.
    public func reset(_ exercise: Exercise, now: Date = Date()) throws(ExerciseError) -> [(file: URL, backup: URL?)] {
        var results: [(URL, URL?)] = []
        for (name, copy) in zip(exercise.starterFiles, files(for: exercise)) {
            var backup: URL?
            if FileManager.default.fileExists(atPath: copy.path) {
                var candidate = copy.appendingPathExtension("\(Self.stamp(now)).bak")
                var n = 1
                while FileManager.default.fileExists(atPath: candidate.path) {
                    candidate = copy.appendingPathExtension("\(Self.stamp(now))-\(n).bak")
                    n += 1
                }
                do { try FileManager.default.moveItem(at: copy, to: candidate) } catch {
                    throw .cannotWrite(path: candidate.path, reason: error.localizedDescription)
                }
                backup = candidate
            }
            try copyStarter(name, of: exercise, to: copy)
            results.append((copy, backup))
        }
        return results
    }

    private func copyStarter(_ name: String, of exercise: Exercise, to copy: URL) throws(ExerciseError) {
        let starter = exercise.folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: starter.path) else {
            throw .missingFile(path: "Exercises/\(exercise.id)/\(name)", role: "starter file")
        }
        do {
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: starter, to: copy)
        } catch {
            throw .cannotWrite(path: copy.path, reason: error.localizedDescription)
        }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
