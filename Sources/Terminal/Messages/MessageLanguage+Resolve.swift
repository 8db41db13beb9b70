import Course
import Foundation

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
