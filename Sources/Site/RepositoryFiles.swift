import Foundation

/// Text of repository files the site shows whole (source pages) or looks into (starter files
/// with `TODO`), read once per build. Included regions are resolved by the course model.
final class RepositoryFiles {
    let root: URL
    private var texts: [String: String] = [:]

    init(root: URL) {
        self.root = root
    }

    /// The text of a file, by its path relative to the course root; nil when it cannot be read.
    func text(_ path: String) -> String? {
        if let t = texts[path] { return t }
        guard let t = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { return nil }
        texts[path] = t
        return t
    }
}
