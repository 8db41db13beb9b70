import Course
import Foundation

/// Fills the message tables' templates.
///
/// `{0}`, `{1}` … are replaced by the arguments in whatever order the template names them, so
/// a translation can reorder them; `{0|page|pages}` chooses the first word when argument 0 is
/// `1`, the second otherwise (only English needs it).
///
/// ```swift
/// MessageTemplate.fill("{0} {0|problem|problems} in {1}", ["1", "site-out"])  // "1 problem in site-out"
/// ```
/// The grader module keeps a copy of this function: it cannot depend on the terminal module.
public enum MessageTemplate {
    public static func fill(_ template: String, _ args: [String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let parts = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false)
            if let index = Int(parts[0]), index >= 0, index < args.count {
                out += parts.count == 3 ? (args[index] == "1" ? parts[1] : parts[2]) : Substring(args[index])
            } else {
                // Not a placeholder (or a missing argument): keep it as written.
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension MessageLanguage {
    /// The language every command speaks: `--lang` when given, else `LANGUAGE`/`LANG`, else
    /// English — the same rule as the lessons' language (``CourseLanguage/resolve(explicit:environment:)``).
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MessageLanguage {
        MessageLanguage(try CourseLanguage.resolve(explicit: explicit, environment: environment))
    }

    public init(_ language: CourseLanguage) {
        self = language == .traditionalChinese ? .traditionalChinese : .english
    }

    public var courseLanguage: CourseLanguage { self == .traditionalChinese ? .traditionalChinese : .english }
}
