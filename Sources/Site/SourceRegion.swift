import Foundation

/// A named region of a real source file, shown in a lesson in place of a
/// `swift include=Sources/NeuralNets/Linear.swift#forward` block.
///
/// The region is the lines strictly between the line containing `ANCHOR: forward` and the
/// line containing `ANCHOR_END: forward` (any comment syntax). Marker lines of other regions
/// inside it are dropped, and the common indentation is removed. Without `#name` the whole
/// file is shown.
struct SourceRegion: Equatable {
    var path: String
    var anchor: String?
    /// 1-based line number of the region's first line in the file.
    var firstLine: Int
    var text: String
}

enum IncludeProblem: Error, CustomStringConvertible, Equatable {
    case noFile(String)
    case noAnchor(String, String)

    var description: String {
        switch self {
        case .noFile(let p): return "include '\(p)': no such file; the path is relative to the course folder"
        case .noAnchor(let p, let a): return "include '\(p)#\(a)': the file has no '// ANCHOR: \(a)' … '// ANCHOR_END: \(a)' region; add the markers"
        }
    }
}

/// Reads included files once per build.
final class SourceRegionReader {
    let root: URL
    private var files: [String: [Substring]] = [:]
    private var texts: [String: String] = [:]

    init(root: URL) {
        self.root = root
    }

    /// The text of a repository file, or nil.
    func text(_ path: String) -> String? {
        if let t = texts[path] { return t }
        guard let t = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { return nil }
        texts[path] = t
        return t
    }

    /// `spec` is `path` or `path#anchor`.
    func region(_ spec: String) -> Result<SourceRegion, IncludeProblem> {
        let pieces = spec.split(separator: "#", maxSplits: 1).map(String.init)
        let path = pieces.first ?? ""
        let anchor = pieces.count > 1 ? pieces[1] : nil
        guard let clean = SitePaths.normalize(path), !clean.isEmpty, let text = text(clean) else { return .failure(.noFile(path)) }
        let lines = files[clean] ?? text.split(separator: "\n", omittingEmptySubsequences: false)
        files[clean] = lines
        guard let name = anchor else {
            return .success(SourceRegion(path: clean, anchor: nil, firstLine: 1, text: text))
        }
        guard let start = lines.firstIndex(where: { marker($0, "ANCHOR") == name }),
              let end = lines[(start + 1)...].firstIndex(where: { marker($0, "ANCHOR_END") == name }) else {
            return .failure(.noAnchor(clean, name))
        }
        let body = lines[(start + 1)..<end].filter { marker($0, "ANCHOR") == nil && marker($0, "ANCHOR_END") == nil }
        return .success(SourceRegion(path: clean, anchor: name, firstLine: start + 2, text: dedent(Array(body))))
    }

    /// The name after `ANCHOR:` / `ANCHOR_END:` on a line, if the line is such a marker.
    private func marker(_ line: Substring, _ word: String) -> String? {
        guard let r = line.range(of: word + ":") else { return nil }
        let rest = line[r.upperBound...].trimmingCharacters(in: .whitespaces)
        var name = String(rest.prefix { !$0.isWhitespace })
        for suffix in ["-->", "*/"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name.isEmpty ? nil : name
    }

    private func dedent(_ lines: [Substring]) -> String {
        let indents = lines.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }
        let cut = indents.min() ?? 0
        return lines.map { $0.count >= cut ? String($0.dropFirst(cut)) : "" }.joined(separator: "\n")
    }
}
