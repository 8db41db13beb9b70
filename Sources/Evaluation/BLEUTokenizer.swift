import Foundation

/// The "13a" tokenizer of WMT's `mteval-v13a.pl`, which sacrebleu uses by default, so that
/// our BLEU counts the same words as everyone's.
///
/// Four rules, applied in order over the whole line:
/// 1. most ASCII punctuation becomes its own token (not `'`, `-`, `.` or `,`);
/// 2. `.` and `,` split from a preceding non-digit;
/// 3. `.` and `,` split from a following non-digit (so `3.5` and `10,000` stay whole);
/// 4. `-` splits after a digit (`7-billion` → `7 - billion`, but `low-rank` stays).
///
///     BLEUTokenizer.tokens("It costs $10,000.")   // ["It", "costs", "$", "10,000", "."]
public enum BLEUTokenizer {
    // Each rule is (pattern, template); a regular-expression replacement is non-overlapping and
    // left to right, which decides cases such as "a.,b" exactly as the reference does.
    nonisolated(unsafe) private static let rules: [(NSRegularExpression, String)] = [
        (#"([\{-\~\[-\` -\&\(-\+\:-\@\/])"#, " $1 "),
        (#"([^0-9])([\.,])"#, "$1 $2 "),
        (#"([\.,])([^0-9])"#, " $1 $2"),
        (#"([0-9])(-)"#, "$1 $2 "),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    public static func tokens(_ line: String) -> [String] {
        var text = line.replacingOccurrences(of: "<skipped>", with: "")
            .replacingOccurrences(of: "-\n", with: "")
            .replacingOccurrences(of: "\n", with: " ")
        if text.contains("&") {
            for (entity, character) in [("&quot;", "\""), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        }
        text = " " + text + " "
        for (pattern, template) in rules {
            let whole = NSRange(text.startIndex..., in: text)
            text = pattern.stringByReplacingMatches(in: text, range: whole, withTemplate: template)
        }
        return text.split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
