import Foundation

/// A language the course is written in. English is the source; every other edition is a
/// translation of it.
///
/// Files of an edition carry its suffix: `lesson.md` / `lesson.zh-TW.md`,
/// `roadmap.md` / `roadmap.zh-TW.md`.
///
/// Usage:
/// ```swift
/// let lang = try CourseLanguage.resolve(explicit: options.lang,
///                                       environment: ProcessInfo.processInfo.environment)
/// let lesson = course.lesson("neural-networks", in: lang)
/// ```
public enum CourseLanguage: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case english = "en"
    case traditionalChinese = "zh-TW"

    /// The edition every translation is measured against.
    public static let source: CourseLanguage = .english

    /// The BCP 47 tag, as used in `--lang`, file names and HTML `lang` attributes.
    public var tag: String { rawValue }

    public var description: String { rawValue }

    /// The name of the language in itself, for language switchers.
    public var nativeName: String {
        switch self {
        case .english: return "English"
        case .traditionalChinese: return "繁體中文"
        }
    }

    /// The part of a file name between the base name and `.md`: `""` or `".zh-TW"`.
    public var fileSuffix: String { self == .english ? "" : "." + rawValue }

    /// The file name of a lesson in this edition: `lesson.md` or `lesson.zh-TW.md`.
    public var lessonFileName: String { "lesson\(fileSuffix).md" }

    /// The file name of the roadmap in this edition: `roadmap.md` or `roadmap.zh-TW.md`.
    public var roadmapFileName: String { "roadmap\(fileSuffix).md" }

    /// Parses a tag given by a person (`--lang`): `en`, `zh-TW`, `zh_TW`, `zh-Hant`, `zh-hk`…
    /// Returns nil for languages the course has no edition of.
    public init?(tag: String) {
        let cleaned = Self.strip(tag).replacingOccurrences(of: "_", with: "-").lowercased()
        switch cleaned {
        case "en", "en-us", "en-gb", "english": self = .english
        case "zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw", "zh-hant-hk", "zh", "tw":
            self = .traditionalChinese
        default:
            if cleaned.hasPrefix("en-") { self = .english; return }
            if cleaned.hasPrefix("zh-hant") { self = .traditionalChinese; return }
            return nil
        }
    }

    /// The environment variable holding the learner's chosen language.
    public static let chosenEnvironmentVariable = "LLMCOURSE_LANG"

    /// The reader's language.
    ///
    /// 1. `explicit` (from `--lang`) is strict: an unknown language throws, it never silently
    ///    becomes English.
    /// 2. `LLMCOURSE_LANG`, the language the learner chose (`llmcourse config lang zh-TW`, or
    ///    their first `--lang`; the program sets it from the progress file), strict as well.
    /// 3. If `LANG` is unset, empty, `C` or `POSIX`, English (and `LANGUAGE` is ignored, as
    ///    gettext does).
    /// 4. Otherwise the `:`-separated entries of `LANGUAGE`, then `LANG`, are tried in order,
    ///    each stripped of `.charset` and `@modifier` (`zh_TW.UTF-8` → `zh-TW`). Simplified
    ///    Chinese regions (`zh_CN`, `zh_SG`, `zh-Hans`) do not match the Traditional edition.
    /// 5. Else English.
    public static func resolve(explicit: String?, environment: [String: String]) throws -> CourseLanguage {
        for chosen in [explicit, environment[chosenEnvironmentVariable]] {
            guard let chosen, !chosen.isEmpty else { continue }
            guard let lang = CourseLanguage(tag: chosen) else {
                throw CourseError.unknownLanguage(chosen)
            }
            return lang
        }
        let lang = environment["LANG"].map(strip) ?? ""
        if lang.isEmpty || lang == "C" || lang == "POSIX" { return .english }
        var candidates = (environment["LANGUAGE"] ?? "").split(separator: ":").map { strip(String($0)) }
        candidates.append(lang)
        for candidate in candidates where !candidate.isEmpty && candidate != "C" && candidate != "POSIX" {
            let lower = candidate.lowercased().replacingOccurrences(of: "_", with: "-")
            if lower.hasPrefix("zh-cn") || lower.hasPrefix("zh-sg") || lower.hasPrefix("zh-hans") { continue }
            if let found = CourseLanguage(tag: candidate) { return found }
        }
        return .english
    }

    /// `zh_TW.UTF-8@euro` → `zh_TW`.
    private static func strip(_ value: String) -> String {
        var s = Substring(value)
        if let at = s.firstIndex(of: "@") { s = s[..<at] }
        if let dot = s.firstIndex(of: ".") { s = s[..<dot] }
        return s.trimmingSpaces()
    }
}
