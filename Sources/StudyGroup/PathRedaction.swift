import Foundation

/// Replaces the server's own folders in verdict text, so a compiler message such as
/// `/srv/course/.llmcourse/group-uploads/submission-7/Matmul.swift:3:5: error: …` reaches
/// the member as `Matmul.swift:3:5: error: …`. Members need the file, line and message; the
/// server's layout (user names, where the course lives) is none of their business.
///
/// ```swift
/// let redaction = PathRedaction([(submissionFolder, ""), (courseRoot, "<course>")])
/// redaction.apply("/srv/course/x/Matmul.swift:3: error")   // "<course>/x/Matmul.swift:3: error"
/// ```
struct PathRedaction: Sendable {
    /// (path with a trailing slash, what replaces it), longest path first, so a folder inside
    /// another is replaced by its own name rather than its parent's. Only paths followed by a
    /// slash are replaced: a bare `/root` would also match the start of `/rootfs`.
    let replacements: [(String, String)]

    /// `folders` pairs each folder with its stand-in; `""` removes the folder and the slash.
    init(_ folders: [(URL, String)]) {
        var pairs: [(String, String)] = []
        for (folder, name) in folders {
            let plain = folder.standardizedFileURL.path
            // macOS reaches /tmp through /private/tmp; a tool may print either spelling.
            let resolved = folder.resolvingSymlinksInPath().path
            for path in Set([plain, resolved]) where path.count > 1 {
                let stand = name.isEmpty ? "" : name + "/"
                pairs.append((path + "/", stand))
                // JSON encoders that escape slashes write `\/`.
                pairs.append(((path + "/").replacingOccurrences(of: "/", with: "\\/"),
                              stand.replacingOccurrences(of: "/", with: "\\/")))
            }
        }
        replacements = pairs.sorted { $0.0.count > $1.0.count }
    }

    /// `text` with every folder replaced, longest first; text without them is returned as is.
    func apply(_ text: String) -> String {
        replacements.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
