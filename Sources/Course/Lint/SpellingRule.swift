import Foundation

/// The course writes American English: `quantize`, `color`, `neighbor`, `center`. A British
/// form in an English lesson's prose (`quantise`, `normalisation`, `colour`) is reported with
/// its American twin, so search and readers meet one spelling. Code, math and text inside
/// double quotes are left alone: a lesson may quote a misspelling on purpose.
///
/// Not a standard rule: an imported course keeps its authors' spelling. This course's own
/// tests run it over its lessons (`Linter(extraRules: [SpellingRule()])`).
public struct SpellingRule: LintRule {
    public let name = "spelling"

    public init() {}

    /// Verb stems that take -ize in American English (and -ise in British).
    static let izeStems = ["quantis", "optimis", "normalis", "regularis", "generalis", "minimis", "maximis", "summaris",
                           "tokenis", "initialis", "memoris", "serialis", "visualis", "recognis", "organis", "utilis",
                           "specialis", "parallelis", "vectoris", "standardis", "categoris", "prioritis", "characteris",
                           "randomis", "penalis", "discretis", "customis"]
    static let others = ["colour": "color", "neighbour": "neighbor", "behaviour": "behavior", "favour": "favor",
                         "centre": "center", "centred": "centered", "centres": "centers", "modelling": "modeling", "labelled": "labeled", "analyse": "analyze"]

    nonisolated(unsafe) static let pattern = try! NSRegularExpression(
        pattern: "\\b(?:de|un|re)?(?:" + izeStems.joined(separator: "|") + ")(?:e|ed|es|ing|ation|ations|er|ers)\\b|\\b(?:"
            + others.keys.sorted { $0.count > $1.count }.joined(separator: "|") + ")(?:s|ed|ing|ite|ites|ourhood|al)?\\b",
        options: [.caseInsensitive])

    public func check(_ context: LintContext) -> [LintProblem] {
        context.allLessons.filter { $0.language == .english }.flatMap { lesson in
            Prose.paragraphs(lesson.document.blocks).flatMap { content, range in
                Self.britishWords(in: Prose.text(content)).map { word in
                    LintProblem(path: lesson.path, at: range.start,
                                message: "British spelling \"\(word)\": the course writes \"\(Self.american(word))\" (American English throughout)")
                }
            }
        }
    }

    /// British forms in `text`, skipping anything between double quotes.
    static func britishWords(in text: String) -> [String] {
        let unquoted = text.replacingOccurrences(of: "[\"“][^\"”]*[\"”]", with: " ", options: .regularExpression)
        let range = NSRange(unquoted.startIndex..., in: unquoted)
        return pattern.matches(in: unquoted, range: range).compactMap { Range($0.range, in: unquoted).map { String(unquoted[$0]) } }
    }

    static func american(_ word: String) -> String {
        let lower = word.lowercased()
        // The longest British key that starts the word ("centred" before "centre").
        if let (british, american) = others.filter({ lower.hasPrefix($0.key) }).max(by: { $0.key.count < $1.key.count }) {
            return american + lower.dropFirst(british.count)
        }
        guard let stem = izeStems.first(where: { lower.contains($0) }), let at = lower.range(of: stem) else { return lower }
        return lower.replacingCharacters(in: at, with: stem.dropLast() + "z")
    }
}

/// The prose of a document: paragraphs and headings (also inside quotes and lists), and their
/// plain text without code spans, math or link destinations.
enum Prose {
    static func paragraphs(_ blocks: [Block]) -> [([Inline], SourceRange)] {
        blocks.flatMap { block -> [([Inline], SourceRange)] in
            switch block {
            case .paragraph(let content, let range), .heading(_, let content, let range): return [(content, range)]
            case .blockQuote(let children, _): return paragraphs(children)
            case .list(_, _, let items, _): return items.flatMap(paragraphs)
            default: return []
            }
        }
    }

    static func text(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let s): return s
            case .softBreak, .lineBreak: return " "
            case .emphasis(let c), .strong(let c), .link(_, _, let c, _): return text(c)
            default: return " "
            }
        }.joined()
    }
}
