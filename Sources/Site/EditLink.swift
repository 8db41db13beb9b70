import Foundation

/// The "edit this page" link: where a page's Markdown file can be changed on the code host.
///
/// Configured with `llmcourse site build --repository-url URL`; without it pages have no link.
/// - A URL with `{path}` is a template: `{path}` becomes the file's path in the repository
///   (any host: `https://gitlab.com/o/r/-/edit/main/{path}`).
/// - Otherwise it is a GitHub-style repository URL and the link is `URL/edit/main/<path>`
///   (`https://github.com/o/llmcourse` → `…/edit/main/Lessons/rag/lesson.md`).
///
/// Usage:
/// ```swift
/// EditLink(repositoryURL: "https://github.com/o/r").url(for: "Lessons/rag/lesson.zh-TW.md")
/// ```
public struct EditLink: Sendable, Equatable {
    public let repositoryURL: String

    /// Nil for an empty or blank URL, so "no link" needs no special case downstream.
    public init?(repositoryURL: String?) {
        guard let url = repositoryURL?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return nil }
        self.repositoryURL = url
    }

    public func url(for repositoryPath: String) -> String {
        let path = repositoryPath.split(separator: "/").map { segment in
            segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String(segment)
        }.joined(separator: "/")
        if repositoryURL.contains("{path}") {
            return repositoryURL.replacingOccurrences(of: "{path}", with: path)
        }
        var base = repositoryURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix(".git") { base.removeLast(4) }
        return "\(base)/edit/main/\(path)"
    }
}
