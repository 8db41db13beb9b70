import Foundation

/// Relative links in a copied block would point nowhere in the new course (the README's
/// `img/…`, `notebooks/…`, `#part-2` anchors), and lint rejects them. An image whose file sits
/// beside the README is copied along and keeps its link; any other relative link or image is
/// reduced to its text (an image to its alt text), and the import report says so.
struct LinkRewriter {
    /// The README's folder, to find images worth copying; nil when no file can be copied.
    var baseFolder: URL?

    struct Result {
        var text: String
        /// Relative paths (as written) of images to copy next to the written file.
        var assets: [String] = []
        /// One line per rewritten link, for the import report.
        var rewritten: [String] = []
    }

    func rewrite(_ text: String, blocks: [Block]) -> Result {
        var result = Result(text: text)
        var seen = Set<String>()
        for link in LessonContent(blocks: blocks).links where link.kind != .external && seen.insert(link.destination).inserted {
            if link.isImage, let folder = baseFolder, Self.isInside(link.path),
               FileManager.default.fileExists(atPath: folder.appendingPathComponent(link.path).path) {
                result.assets.append(link.path)
                continue
            }
            let before = result.text
            result.text = Self.unlink(result.text, destination: link.destination)
            if result.text != before {
                result.rewritten.append(link.isImage
                    ? "image `\(link.destination)` is not beside the README: kept its alt text"
                    : "relative link `\(link.destination)` points outside the new course: kept its text")
            }
        }
        return result
    }

    /// `a/b.png` yes; `../x`, `/x` and empty paths no.
    static func isInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
    }

    /// Replaces each `[text](destination…)` / `![alt](destination…)` by its text.
    static func unlink(_ text: String, destination: String) -> String {
        var chars = Array(text)
        for opener in ["](\(destination)", "](<\(destination)>"] {
            let needle = Array(opener)
            var i = 0
            while i + needle.count <= chars.count {
                guard Array(chars[i..<(i + needle.count)]) == needle,
                      let close = chars[(i + needle.count)...].firstIndex(of: ")"),
                      let open = matchingBracket(chars, before: i) else { i += 1; continue }
                let isImage = open > 0 && chars[open - 1] == "!"
                let label = Array(chars[(open + 1)..<i])
                let start = isImage ? open - 1 : open
                chars.replaceSubrange(start...close, with: label)
                i = start + label.count
            }
        }
        return String(chars)
    }

    /// The `[` that the `]` at `index` closes, skipping nested and escaped brackets.
    private static func matchingBracket(_ chars: [Character], before index: Int) -> Int? {
        var depth = 0
        var j = index - 1
        while j >= 0 {
            let escaped = j > 0 && chars[j - 1] == "\\"
            if chars[j] == "]" && !escaped { depth += 1 }
            if chars[j] == "[" && !escaped {
                if depth == 0 { return j }
                depth -= 1
            }
            j -= 1
        }
        return nil
    }
}
