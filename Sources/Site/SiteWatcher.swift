import Foundation

/// Rebuilds the site when the course changes, by polling modification times once a second
/// (no platform file-watching API needed; a course is a few hundred files).
///
/// Watched: `Lessons/`, `Exercises/`, `Sources/` (included regions and demo inputs).
public final class SiteWatcher: @unchecked Sendable {
    let root: URL
    let builder: SiteBuilder
    let onBuild: @Sendable (SiteBuildReport) -> Void
    private let lock = NSLock()
    private var lastStamp: [String: Date] = [:]

    public init(root: URL, builder: SiteBuilder, onBuild: @escaping @Sendable (SiteBuildReport) -> Void) {
        self.root = root
        self.builder = builder
        self.onBuild = onBuild
    }

    public func rebuild() throws {
        lock.lock(); defer { lock.unlock() }
        lastStamp = stamps()
        onBuild(try builder.build())
    }

    /// Starts the polling thread.
    public func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                if stamps() != lastStamp {
                    do { try rebuild() } catch {
                        FileHandle.standardError.write(Data("site build failed: \(error)\n".utf8))
                        lock.lock(); lastStamp = stamps(); lock.unlock()
                    }
                }
            }
        }
        thread.start()
    }

    /// Modification time of every file under the watched folders.
    func stamps() -> [String: Date] {
        var out: [String: Date] = [:]
        let fm = FileManager.default
        for top in ["Lessons", "Exercises", "Sources"] {
            let base = root.appendingPathComponent(top)
            guard let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
            for case let url as URL in walker {
                if let date = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate {
                    out[url.path] = date
                }
            }
        }
        return out
    }
}
