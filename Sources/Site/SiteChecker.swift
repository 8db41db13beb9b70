import Foundation

/// One broken reference in the generated site.
public struct SiteProblem: CustomStringConvertible, Equatable, Sendable {
    /// The page, relative to the site folder.
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}

/// Checks a generated site: every relative `href`, `src` (and the search box's index script)
/// points at a file that exists, and every `#fragment` at an `id` in the target page.
///
/// Usage:
/// ```swift
/// let problems = try SiteChecker.check(siteFolder)   // [] when everything resolves
/// ```
public enum SiteChecker {
    public static func check(_ folder: URL) throws -> [SiteProblem] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.appendingPathComponent("index.html").path) else {
            return [SiteProblem(file: folder.path, message: "no index.html; run `llmcourse site build` first")]
        }
        let pages = (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }.sorted()
        var idCache: [String: Set<String>] = [:]
        func ids(_ page: String) -> Set<String>? {
            if let c = idCache[page] { return c }
            guard let html = try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8) else { return nil }
            let found = Set(attributeValues(html, names: ["id"]).map(\.value))
            idCache[page] = found
            return found
        }
        var problems: [SiteProblem] = []
        for page in pages {
            guard let html = try? String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8) else {
                problems.append(SiteProblem(file: page, message: "cannot be read as UTF-8"))
                continue
            }
            for (name, value) in attributeValues(html, names: ["href", "src", "data-index"]) {
                if let problem = check(value, attribute: name, in: page, folder: folder, ids: ids) {
                    problems.append(SiteProblem(file: page, message: problem))
                }
            }
        }
        return problems
    }

    private static func check(_ link: String, attribute: String, in page: String, folder: URL,
                              ids: (String) -> Set<String>?) -> String? {
        if link.isEmpty { return "empty \(attribute)" }
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/"), !link[..<colon].contains("#") {
            return link.hasPrefix("file:") ? "\(attribute)=\"\(link)\" is an absolute file URL; links must be relative" : nil
        }
        if link.hasPrefix("/") { return "\(attribute)=\"\(link)\" is absolute; links must be relative to work from file://" }
        var path = link
        var fragment: String?
        if let hash = link.firstIndex(of: "#") {
            path = String(link[..<hash])
            fragment = String(link[link.index(after: hash)...])
        }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        path = path.removingPercentEncoding ?? path
        let target: String
        if path.isEmpty {
            target = page
        } else {
            guard let resolved = SitePaths.normalize(SitePaths.directory(of: page) + "/" + path) else {
                return "\(attribute)=\"\(link)\" climbs out of the site folder"
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(resolved).path, isDirectory: &isDir) else {
                return "\(attribute)=\"\(link)\": \(resolved) does not exist"
            }
            if isDir.boolValue { return "\(attribute)=\"\(link)\" points at a folder; link to its index.html (file:// shows no index)" }
            target = resolved
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let id = fragment.removingPercentEncoding ?? fragment
            guard let known = ids(target), known.contains(id) else {
                return "\(attribute)=\"\(link)\": no id \"\(id)\" in \(target)"
            }
        }
        return nil
    }

    /// Values of the named attributes in double quotes (as the builder writes them), unescaped.
    static func attributeValues(_ html: String, names: Set<String>) -> [(name: String, value: String)] {
        var out: [(String, String)] = []
        let bytes = Array(html.utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            // An attribute starts after whitespace: ` name="`.
            guard bytes[i] == 0x20 || bytes[i] == 0x0A else { i += 1; continue }
            var j = i + 1
            while j < n, (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || bytes[j] == 0x2D { j += 1 }
            guard j + 1 < n, j > i + 1, bytes[j] == 0x3D, bytes[j + 1] == 0x22 else { i += 1; continue }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
            var k = j + 2
            while k < n, bytes[k] != 0x22 { k += 1 }
            if names.contains(name) {
                out.append((name, unescape(String(decoding: bytes[(j + 2)..<k], as: UTF8.self))))
            }
            i = k + 1
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
