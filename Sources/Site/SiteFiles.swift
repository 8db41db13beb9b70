import Foundation

/// File helpers of the site build: walking input folders for hashing, copying only what changed.
enum SiteFiles {
    struct Entry {
        var path: String
        var data: Data
    }

    /// Every regular file at or under `url`, sorted by path; `relativeTo` names `url` in the result.
    static func files(under url: URL, relativeTo name: String) -> [Entry] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { return [Entry(path: name + " (missing)", data: Data())] }
        if !isDir.boolValue {
            return [Entry(path: name, data: (try? Data(contentsOf: url)) ?? Data())]
        }
        let items = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return items.flatMap { files(under: url.appendingPathComponent($0), relativeTo: name + "/" + $0) }
    }

    static func sameContents(_ a: URL, _ b: URL) -> Bool {
        guard let da = try? Data(contentsOf: a), let db = try? Data(contentsOf: b) else { return false }
        return da == db
    }

    /// Copies `from` to `to` unless `to` already holds the same bytes (keeps rebuilds cheap).
    static func copyIfChanged(_ from: URL, _ to: URL) throws {
        let fm = FileManager.default
        let source = from.resolvingSymlinksInPath()
        if let a = try? fm.attributesOfItem(atPath: source.path), let b = try? fm.attributesOfItem(atPath: to.path),
           (a[.size] as? Int) == (b[.size] as? Int), sameContents(source, to) { return }
        try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? fm.removeItem(at: to)
        try fm.copyItem(at: source, to: to)
    }
}

/// Debian's KaTeX (`libjs-katex`, `fonts-katex`): when installed, its script, style sheet and
/// fonts are copied into the site so formulas render offline; otherwise the TeX source is shown.
enum KaTeXBundle {
    static let defaultFolder = "/usr/share/javascript/katex"

    static func folder() -> URL? {
        let path = ProcessInfo.processInfo.environment["LLMCOURSE_KATEX_DIR"] ?? defaultFolder
        let url = URL(fileURLWithPath: path)
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("katex.min.js").path) ? url : nil
    }

    /// Copies the bundle into `assets/katex/`; returns the site paths written.
    static func copy(from folder: URL, into out: URL) throws -> [String] {
        var written: [String] = []
        for name in ["katex.min.js", "katex.min.css"] {
            try SiteFiles.copyIfChanged(folder.appendingPathComponent(name), out.appendingPathComponent("assets/katex/\(name)"))
            written.append("assets/katex/\(name)")
        }
        // The style sheet lists woff2 first; every browser that runs the site reads woff2.
        let fonts = folder.appendingPathComponent("fonts").resolvingSymlinksInPath()
        for font in ((try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? []).sorted() where font.hasSuffix(".woff2") {
            try SiteFiles.copyIfChanged(fonts.appendingPathComponent(font), out.appendingPathComponent("assets/katex/fonts/\(font)"))
            written.append("assets/katex/fonts/\(font)")
        }
        return written
    }
}
