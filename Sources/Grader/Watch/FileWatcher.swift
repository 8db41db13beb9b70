import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices when the learner saves a file: inotify on Linux, polling as the fallback (and on
/// file systems where events do not arrive, e.g. some network or WSL mounts).
///
/// The folder is watched rather than the files, because many editors save by writing a new
/// file and renaming it over the old one.
final class FileWatcher {
    enum Mechanism: String { case inotify, polling }

    let files: [URL]
    private(set) var mechanism: Mechanism
    /// The inotify descriptor to include in `poll`, or -1 when polling.
    private(set) var descriptor: Int32 = -1
    private var lastSeen: [String]

    init(files: [URL], forcePolling: Bool) {
        self.files = files
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
    func changed() -> Bool {
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
        files.map { file in
            var info = stat()
            guard stat(file.path, &info) == 0 else { return "missing" }
            return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
    }
}
