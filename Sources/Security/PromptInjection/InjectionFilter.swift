/// A filter in front of the model that drops retrieved text which looks like it gives orders.
///
/// Two rules, from crude to careful:
/// - **keywords**: flag any text containing a word from the list. Cheap, and it flags honest
///   documents that merely *talk about* the same things ("cat backwards is tac." mentions reversing).
/// - **imperative sentences**: flag a sentence that *starts* with a command verb (or a question
///   such as "What is"). Fewer false alarms; an attacker who words the order differently — in
///   the middle of a sentence, in lower case — walks past it.
///
/// Filtering is one layer: it measures what it stops and what it wrongly drops, never "secure".
public struct InjectionFilter: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        case keywords([String])
        case imperativeSentences(openers: [String])
    }

    public var rule: Rule

    public init(_ rule: Rule) { self.rule = rule }

    // ANCHOR: injection-filter
    /// Whether `text` is flagged (and should not reach the model).
    public func flags(_ text: String) -> Bool {
        switch rule {
        case .keywords(let words):
            let tokens = Set(Self.words(text.lowercased()))
            return words.contains { tokens.contains($0.lowercased()) }
        case .imperativeSentences(let openers):
            // A sentence ends at . ? or !; its first word (as written, case kept) opens it.
            let sentences = text.split(whereSeparator: { ".?!".contains($0) })
            return sentences.contains { sentence in
                guard let first = Self.words(String(sentence)).first else { return false }
                return openers.contains(first)
            }
        }
    }
    // ANCHOR_END: injection-filter

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The keyword rule over the words of ``InstructionWorld``'s instructions.
    public static let taskKeywords = InjectionFilter(.keywords(["reverse", "reversed", "backwards", "write", "capitals", "uppercase",
                                                                "add", "plus", "compute", "say"]))
    /// The imperative rule over the verbs (and the question) that open those instructions.
    public static let taskImperatives = InjectionFilter(.imperativeSentences(openers: ["Reverse", "Write", "Uppercase", "Add", "Compute", "What", "Say"]))
}
