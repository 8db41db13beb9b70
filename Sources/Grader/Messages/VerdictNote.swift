import Course

/// A message the grader itself wrote into a verdict, kept in structured form: the key of its
/// template in ``RunNotes`` and the values that fill it.
///
/// Why structured rather than grading in the learner's language: the verdict is a record. The
/// same verdict is printed by `check`, stored by the study group's server and shown again by
/// `submit` on a member's machine, whose language the server does not know. So `message`
/// keeps the English text (stable for scripts and the JSON schema), and the note lets any
/// renderer say it again in its reader's language. A note with a key this version does not
/// know (a newer server) falls back to `message`.
///
/// ```swift
/// let note = VerdictNote(.timedOut, "2")
/// note.text(.english)             // "timed out after 2 s — an endless loop, … (limit 2 s)"
/// note.text(.traditionalChinese)  // "執行逾時（超過 2 秒）…"
/// ```
/// In JSON: `"note": {"key": "timed_out", "args": ["2"]}`; `detail` holds a nested note that
/// fills the placeholder after the arguments (e.g. what stopped the program in "no check ran: …").
public struct VerdictNote: Codable, Sendable, Equatable {
    public var key: String
    public var args: [String]
    public var detail: [VerdictNote]?

    public init(_ key: RunNotes.Key, _ args: String..., detail: VerdictNote? = nil) {
        self.key = key.rawValue
        self.args = args
        self.detail = detail.map { [$0] }
    }

    /// The message in `language`; nil when the key is unknown to this version.
    public func text(_ language: CourseLanguage) -> String? {
        guard let known = RunNotes.Key(rawValue: key) else { return nil }
        var values = args
        for inner in detail ?? [] {
            guard let innerText = inner.text(language) else { return nil }
            values.append(innerText)
        }
        return MessageTemplate.fill(RunNotes.template(known, language), values)
    }

    /// The English text, as stored in the verdict's `message` fields.
    public var english: String { text(.english) ?? key }
}
