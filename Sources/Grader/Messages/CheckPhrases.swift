import Course
import Foundation

/// The check API's fixed failure phrasings (`expectEqual`, `expectShape`, `expectNotNil`,
/// the count mismatches of `expectClose`), said again in the learner's language.
///
/// These messages carry no structured fields in the verdict, so the match is on the exact
/// English form the check API writes: a line that is not one of these forms — a checker's
/// own words — is shown as written. Only whole lines are translated, each on its own.
///
/// ```swift
/// CheckPhrases.localize("answer(): got 0, expected 42", .traditionalChinese)  // "answer()：得到 0，應為 42"
/// ```
public enum CheckPhrases {
    private struct Phrase: @unchecked Sendable {
        let pattern: NSRegularExpression
        let chinese: String
    }

    /// Most specific first: the general `got …, expected …` form would also match the others.
    private static let phrases: [Phrase] = [
        (#"^(.+?): got (\d+) values, expected (\d+) \(shape (.+)\)$"#, "{0}：得到 {1} 個值，應為 {2} 個（形狀 {3}）"),
        (#"^(.+?): got (\d+) values, expected (\d+)$"#, "{0}：得到 {1} 個值，應為 {2} 個"),
        (#"^(.+?): got nil, expected a value$"#, "{0}：得到 nil，應該要有值"),
        (#"^(.+?): got (.+), expected (.+)$"#, "{0}：得到 {1}，應為 {2}"),
    ].compactMap { pattern, chinese in
        (try? NSRegularExpression(pattern: pattern)).map { Phrase(pattern: $0, chinese: chinese) }
    }

    /// `message` with each line in the check API's phrasing translated; nil in English or when
    /// no line matched (then the message is shown as it is).
    public static func localize(_ message: String?, _ language: CourseLanguage) -> String? {
        guard language == .traditionalChinese, let message else { return nil }
        var changed = false
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            // Tolerance lines are ``NumericSummary``'s, translated from their numbers or not at all.
            guard !line.contains(" tolerance") else { return line }
            let range = NSRange(line.startIndex..., in: line)
            for phrase in phrases {
                guard let match = phrase.pattern.firstMatch(in: line, range: range) else { continue }
                let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: line).map { String(line[$0]) } }
                changed = true
                return MessageTemplate.fill(phrase.chinese, groups)
            }
            return line
        }
        return changed ? lines.joined(separator: "\n") : nil
    }
}
