/// The machine-readable pieces of a lesson, each with its position in the lesson file.
///
/// Positions are libcmark's: 1-based lines, 1-based columns counted in UTF-8 bytes.

/// A fenced (or indented) code block. `info` is the whole info string; `language` its first word.
///
/// ```markdown
/// ```swift include=Sources/NeuralNets/Linear.swift#forward
/// ```
/// ```
/// has `language == "swift"` and `attributes == ["include": "Sources/NeuralNets/Linear.swift#forward"]`.
public struct CodeBlock: Hashable, Sendable {
    public var info: String
    public var language: String
    /// `key=value` words of the info string after the language.
    public var attributes: [String: String]
    public var code: String
    public var range: SourceRange

    public init(info: String, code: String, range: SourceRange) {
        self.info = info
        self.code = code
        self.range = range
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        self.language = words.first.map { $0.contains("=") ? "" : $0 } ?? ""
        var attributes: [String: String] = [:]
        for word in words where word.contains("=") {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            attributes[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        self.attributes = attributes
    }
}

/// A runnable step: a fenced block whose info string is `run <demo-id>`.
/// Its body is what a reader of plain Markdown types, e.g. `llmcourse run mlp-train`.
public struct RunStep: Hashable, Sendable {
    /// The demo to run; empty when the author forgot it (lint reports that).
    public var demoID: String
    /// The block's body, shown to readers of plain Markdown.
    public var command: String
    public var range: SourceRange

    public init(demoID: String, command: String, range: SourceRange) {
        self.demoID = demoID
        self.command = command
        self.range = range
    }
}

/// An include of a live source region: info string `swift include=<path>#<anchor>`.
///
/// `path` is relative to the course root (the repository root); the region in that file lies
/// between lines containing `ANCHOR: <anchor>` and `ANCHOR_END: <anchor>`. Without `#anchor`
/// the whole file is included. Resolve it with ``Course/resolve(_:)``.
public struct Include: Hashable, Sendable {
    public var path: String
    public var anchor: String?
    /// The language of the included code (the info string's first word), for highlighting.
    public var language: String
    /// The block's body: empty, or a copy of the region for readers of plain Markdown.
    public var placeholder: String
    public var range: SourceRange

    public init(path: String, anchor: String?, language: String, placeholder: String, range: SourceRange) {
        self.path = path
        self.anchor = anchor
        self.language = language
        self.placeholder = placeholder
        self.range = range
    }

    /// The text after `include=`, as written.
    public var target: String { anchor.map { "\(path)#\($0)" } ?? path }
}

/// A link or image written in a lesson or roadmap.
public struct LessonLink: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `http:`, `https:`, `mailto:` and other URLs with a scheme.
        case external
        /// `#anchor` inside the same file.
        case fragment
        /// A path relative to the file, maybe with `#anchor`.
        case relative
    }

    public var destination: String
    /// The visible text (or an image's alt text).
    public var text: String
    public var isImage: Bool
    public var range: SourceRange

    public init(destination: String, text: String, isImage: Bool, range: SourceRange) {
        self.destination = destination
        self.text = text
        self.isImage = isImage
        self.range = range
    }

    public var kind: Kind {
        if destination.hasPrefix("#") { return .fragment }
        // A URL scheme: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
        if let colon = destination.firstIndex(of: ":"), let first = destination.first, first.isASCII, first.isLetter,
           destination[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
            return .external
        }
        return .relative
    }

    /// For relative links: the path part (percent-decoding is not applied). Empty for fragments.
    public var path: String {
        guard kind != .external else { return "" }
        var d = Substring(destination)
        if let q = d.firstIndex(of: "?") { d = d[..<q] }
        if let hash = d.firstIndex(of: "#") { d = d[..<hash] }
        return String(d)
    }

    /// The `#anchor` part without `#`, if any.
    public var fragment: String? {
        guard kind != .external, let hash = destination.firstIndex(of: "#") else { return nil }
        return String(destination[destination.index(after: hash)...])
    }

    /// For a link to `…/Exercises/<id>/exercise*.md`: the exercise id.
    public var exerciseID: String? {
        guard kind == .relative else { return nil }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 3, parts[parts.count - 3] == "Exercises",
              parts[parts.count - 1].hasPrefix("exercise") else { return nil }
        return parts[parts.count - 2]
    }
}

/// A reference to an exercise: an id listed in the lesson's `exercises:` metadata, or a link to
/// `../../Exercises/<id>/exercise.md` in the text.
public struct ExerciseReference: Hashable, Sendable {
    public var id: String
    public var range: SourceRange

    public init(id: String, range: SourceRange) {
        self.id = id
        self.range = range
    }
}
