import Console
import Course
import Foundation

/// Turns Markdown inline content into styled runs ready for ``LineWrapper``.
///
/// Emphasis and strong add attributes to the runs inside them; inline code and `$…$` math get
/// their own colors; a link either carries an OSC 8 target or, when the terminal cannot show
/// hyperlinks, is followed by its URL so the reader can still copy it. A link to another
/// lesson is followed by the command that opens it.
struct InlineRenderer {
    let options: RenderOptions

    func runs(_ inlines: [Inline], base: TextStyle = .plain) -> [StyledRun] {
        var out: [StyledRun] = []
        append(Self.repairingMath(inlines), style: base, to: &out)
        return out
    }

    /// Undoes emphasis that CommonMark found inside `$…$` math.
    ///
    /// cmark knows nothing of math, so `$(Av)_i = \sum_j A_{ij}$` reaches us as text, an
    /// emphasis node, and more text. While a `$` is open, emphasis and strong nodes are turned
    /// back into the underscores they came from and the text is merged, so the math arrives
    /// whole at ``MathText``.
    static func repairingMath(_ inlines: [Inline]) -> [Inline] {
        // Formulas arrive as `.math` nodes; written back with their `$`, they go through the
        // same splitting and coloring as a stray dollar in the text.
        let inlines = inlines.map { inline -> Inline in
            if case .math = inline { return .text([inline].plainText) }
            return inline
        }
        guard inlines.contains(where: { if case .text(let t) = $0 { return t.utf8.contains(36) }; return false }) else {
            return inlines
        }
        var out: [Inline] = []
        var inMath = false
        func appendText(_ t: String) {
            if case .text(let previous)? = out.last { out[out.count - 1] = .text(previous + t) } else { out.append(.text(t)) }
        }
        for inline in inlines {
            switch inline {
            case .text(let t):
                appendText(t)
                inMath = MathText.togglesMath(t, startingIn: inMath)
            case .emphasis(let children) where inMath:
                appendText("_" + source(children) + "_")
            case .strong(let children) where inMath:
                appendText("__" + source(children) + "__")
            case .softBreak where inMath:
                appendText(" ")
            default:
                out.append(inline)
            }
        }
        return out
    }

    /// Inline content written back as Markdown-ish source (for math repair only).
    private static func source(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let t): return t
            case .code(let c): return c
            case .emphasis(let c): return "_" + source(c) + "_"
            case .strong(let c): return "__" + source(c) + "__"
            case .softBreak, .lineBreak: return " "
            default: return [inline].plainText
            }
        }.joined()
    }

    private func append(_ inlines: [Inline], style: TextStyle, to out: inout [StyledRun]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                appendText(text, style: style, to: &out)
            case .math:
                appendText([inline].plainText, style: style, to: &out)
            case .softBreak:
                out.append(StyledRun(String(LineWrapper.softBreak), style))
            case .lineBreak:
                out.append(StyledRun("\n", style))
            case .code(let code):
                out.append(StyledRun(code, style.merged(with: Theme.inlineCode)))
            case .html:
                break  // inline HTML (<br>, comments) has no terminal meaning
            case .emphasis(let children):
                append(children, style: style.merged(with: Theme.emphasis), to: &out)
            case .strong(let children):
                append(children, style: style.merged(with: Theme.strong), to: &out)
            case .link(let destination, _, let children, _):
                appendLink(destination, children: children, style: style, to: &out)
            case .image(let source, _, let alt, _):
                let label = alt.plainText.isEmpty ? source : alt.plainText
                out.append(StyledRun("[\(Messages.text(.image, options.language)): \(label)]", style.merged(with: Theme.muted)))
                if label != source {
                    let path = Self.isAbsoluteURL(source) ? source : Self.coursePath(of: source, from: options.documentPath)
                    out.append(StyledRun(noteText(path), style.merged(with: Theme.linkTarget)))
                }
            }
        }
    }

    private func appendLink(_ destination: String, children: [Inline], style: TextStyle, to out: inout [StyledRun]) {
        var linkStyle = style.merged(with: Theme.link)
        let absolute = Self.isAbsoluteURL(destination)
        if absolute && options.hyperlinks { linkStyle.link = destination }
        append(children, style: linkStyle, to: &out)
        let note: String
        if let lesson = Self.lessonID(inLink: destination) {
            note = "→ llmcourse read \(lesson)"
        } else if let exercise = Self.folderID(inLink: destination, files: ["exercise.md", "exercise.zh-TW.md"]) {
            note = "→ llmcourse check \(exercise)"
        } else if !(absolute && options.hyperlinks), children.plainText != destination, !destination.hasPrefix("#") {
            note = absolute ? destination : Self.coursePath(of: destination, from: options.documentPath)
        } else {
            return
        }
        out.append(StyledRun(noteText(note), style.merged(with: Theme.linkTarget)))
    }

    /// A note after a link: ` (note)` in English; in Chinese, fullwidth parentheses that need
    /// no spaces around them, as Chinese sets any parenthesis (`指令資料集（→ llmcourse read …）一章`).
    private func noteText(_ note: String) -> String {
        (options.documentLanguage ?? options.language) == .traditionalChinese ? "（" + note + "）" : " (" + note + ")"
    }

    /// A relative link seen from the course root, which is where `llmcourse` runs:
    /// `../../docs/models.md` from `Lessons/rag/lesson.md` → `docs/models.md`. Without the
    /// document's path, or for a link that climbs above the root, the link is kept as written.
    static func coursePath(of destination: String, from documentPath: String?) -> String {
        guard let documentPath, !isAbsoluteURL(destination), !destination.hasPrefix("/") else { return destination }
        var parts = documentPath.split(separator: "/").dropLast().map(String.init)
        for part in destination.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return destination }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Splits text at `$…$` math spans so they can be colored and lightly prettified.
    private func appendText(_ text: String, style: TextStyle, to out: inout [StyledRun]) {
        guard text.utf8.contains(UInt8(ascii: "$")) else { out.append(StyledRun(text, style)); return }
        for (piece, isMath) in MathText.split(text) {
            if isMath {
                // Short formulas stay on one line: their spaces become no-break spaces.
                var pretty = MathText.prettify(piece)
                if DisplayWidth.of(pretty) <= min(24, options.width / 2) {
                    pretty = pretty.replacingOccurrences(of: " ", with: "\u{A0}")
                }
                out.append(StyledRun(pretty, style.merged(with: Theme.math)))
            } else {
                out.append(StyledRun(piece, style))
            }
        }
    }

    static func isAbsoluteURL(_ s: String) -> Bool {
        s.hasPrefix("http://") || s.hasPrefix("https://") || s.hasPrefix("mailto:") || s.hasPrefix("file://")
    }

    /// `../rag/lesson.md`, `rag/lesson.zh-TW.md#x` → `rag`; anything else → nil.
    static func lessonID(inLink destination: String) -> String? {
        folderID(inLink: destination, files: ["lesson.md", "lesson.zh-TW.md"])
    }

    /// The folder name before one of `files` in a relative link (`../../Exercises/tf-idf/exercise.md` → `tf-idf`).
    static func folderID(inLink destination: String, files: Set<String>) -> String? {
        guard !isAbsoluteURL(destination) else { return nil }
        let path = destination.split(separator: "#", maxSplits: 1).first.map(String.init) ?? destination
        let parts = path.split(separator: "/")
        guard parts.count >= 2, let file = parts.last, files.contains(String(file)) else { return nil }
        let id = String(parts[parts.count - 2])
        return id == ".." || id == "." ? nil : id
    }
}
