import Foundation

/// What a member's name may be. A name appears in URLs (`/gradebook/members/<name>`), in the
/// gradebook, in CSV exports and on the command line, so it must survive all of them:
///
/// - it is stored NFC-normalized with surrounding spaces removed, so "José" typed with a
///   combining accent and "José" typed precomposed are the same member;
/// - 1–64 characters, each a letter or digit of any script (with its combining marks), a
///   space, `-`, `_`, `.` or `'`;
/// - never `.` or `..`, which browsers and proxies fold away as path segments, so the
///   member's history link would lead somewhere else.
///
/// `/`, `\`, `%`, control and invisible formatting characters (such as right-to-left
/// overrides) are refused by the list above.
public enum MemberName {
    public static let maximumLength = 64
    static let punctuation: Set<Unicode.Scalar> = [" ", "-", "_", ".", "'"]

    public static let rule = "a member name is 1–\(maximumLength) letters, digits, spaces, '-', '_', '.' or apostrophes (not \".\" or \"..\"; no '/', '%' or control characters)"

    /// The stored form of `name`, or an error saying what is wrong with it.
    public static func validated(_ name: String) throws -> String {
        let normalized = name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespaces)
        guard !normalized.isEmpty, normalized.count <= maximumLength else {
            throw DatabaseError("\(rule); got \"\(printable(name))\" (\(normalized.count) characters)")
        }
        guard normalized != ".", normalized != ".." else {
            throw DatabaseError("\(rule); \"\(normalized)\" would not work in the member's gradebook link")
        }
        if let bad = normalized.unicodeScalars.first(where: { !allowed($0) }) {
            throw DatabaseError("\(rule); \"\(printable(name))\" contains \(describe(bad))")
        }
        return normalized
    }

    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        if punctuation.contains(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(scalar.value, radix: 16, uppercase: true)
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
            return "an invisible or control character (\(code))"
        }
        return "'\(scalar)' (\(code))"
    }

    /// `name` with control characters shown as `\u{…}`, so an error message cannot be garbled by them.
    static func printable(_ name: String) -> String {
        name.unicodeScalars.map { scalar in
            let category = scalar.properties.generalCategory
            return category == .control || category == .format ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}
