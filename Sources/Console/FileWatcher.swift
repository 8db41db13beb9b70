import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices when files change: a learner's saved exercise (`watch`), or anything under the
/// course's folders (`site serve`).
///
/// For named files: inotify on Linux, polling as the fallback (and on file systems where
/// events do not arrive, e.g. some network or WSL mounts). The folder is watched rather than
/// the files, because many editors save by writing a new file and renaming it over the old
/// one. For whole trees: polling of every file's size and modification time (a course is a
/// few hundred files; no recursive watch to set up).
///
/// ```swift
/// let watcher = FileWatcher(files: [workingCopy], forcePolling: false)
/// if watcher.changed() { regrade() }
/// ```
public final class FileWatcher {
    public enum Mechanism: String { case inotify, polling }

    public let files: [URL]
    /// Folders watched as a whole (recursively, by polling).
    public let trees: [URL]
    public private(set) var mechanism: Mechanism
    /// The inotify descriptor to include in `poll`, or -1 when polling.
    public private(set) var descriptor: Int32 = -1
    private var lastSeen: [String]

    /// Watches every file below `trees`, by polling.
    public init(trees: [URL]) {
        self.files = []
        self.trees = trees
        self.mechanism = .polling
        self.lastSeen = []
        lastSeen = fingerprints()
    }

    public init(files: [URL], forcePolling: Bool) {
        self.files = files
        self.trees = []
        self.mechanism = .polling
        self.lastSeen = []
        lastSeen = fingerprints()
        guard !forcePolling else { return }
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        var watched = false
        for folder in Set(files.map { $0.deletingLastPathComponent().path }) where inotify_add_watch(fd, folder, mask) >= 0 {
            watched = true
        }
        if watched { descriptor = fd; mechanism = .inotify } else { close(fd) }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Drains pending inotify events; true when one of them may concern our files.
    /// With polling, compares sizes and modification times instead.
    public func changed() -> Bool {
        if mechanism == .inotify {
            var buffer = [UInt8](repeating: 0, count: 4096)
            var any = false
            while buffer.withUnsafeMutableBytes({ read(descriptor, $0.baseAddress, $0.count) }) > 0 { any = true }
            guard any else { return false }
        }
        let now = fingerprints()
        defer { lastSeen = now }
        return now != lastSeen
    }

    /// Size, modification time and existence of each file.
    private func fingerprints() -> [String] {
        (files + treeFiles()).map { file in
            var info = stat()
            guard stat(file.path, &info) == 0 else { return "missing" }
            return "\(file.path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
    }

    /// The files below the watched trees, in a stable order.
    private func treeFiles() -> [URL] {
        trees.flatMap { top -> [URL] in
            guard let walker = FileManager.default.enumerator(at: top, includingPropertiesForKeys: nil) else { return [] }
            return walker.compactMap { $0 as? URL }.sorted { $0.path < $1.path }
        }
    }
}
