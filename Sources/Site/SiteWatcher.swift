import Console
import Foundation

/// Rebuilds the site when the course changes: a ``FileWatcher`` over the course's folders,
/// asked once a second.
///
/// Watched: `Lessons/`, `Exercises/`, `Sources/` (included regions and demo inputs).
public final class SiteWatcher: @unchecked Sendable {
    let root: URL
    let builder: SiteBuilder
    let onBuild: @Sendable (SiteBuildReport) -> Void
    private let lock = NSLock()
    private let watcher: FileWatcher

    public init(root: URL, builder: SiteBuilder, onBuild: @escaping @Sendable (SiteBuildReport) -> Void) {
        self.root = root
        self.builder = builder
        self.onBuild = onBuild
        watcher = FileWatcher(trees: ["Lessons", "Exercises", "Sources"].map { root.appendingPathComponent($0) })
    }

    public func rebuild() throws {
        lock.lock(); defer { lock.unlock() }
        _ = watcher.changed()   // what is there now is what this build sees
        onBuild(try builder.build())
    }

    /// Starts the polling thread.
    public func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                lock.lock(); let changed = watcher.changed(); lock.unlock()
                if changed {
                    do { try rebuild() } catch {
                        FileHandle.standardError.write(Data("site build failed: \(error)\n".utf8))
                    }
                }
            }
        }
        thread.start()
    }
}
