import Course
import Foundation
import Progress

/// Remembers the course language a learner chose, so `--lang zh-TW` need not be typed again.
///
/// The choice lives in the progress file (``CourseProgress/language``): set by
/// `llmcourse config lang zh-TW`, or by the first `--lang` given while none is stored. At
/// start the program puts it in `LLMCOURSE_LANG`, which ``CourseLanguage/resolve(explicit:environment:)``
/// reads after `--lang` and before `LANG`. A `LLMCOURSE_LANG` set by the learner wins.
public enum LanguageMemory {
    public static func apply(explicit: String?, courseArgument: String?,
                             environment: [String: String] = ProcessInfo.processInfo.environment) {
        let variable = CourseLanguage.chosenEnvironmentVariable
        guard (environment[variable] ?? "").isEmpty,
              let root = try? CourseLoader.findRoot(explicit: courseArgument, environment: environment) else { return }
        let directory = ProgressStore.defaultDirectory(courseRoot: root, environment: environment)
        guard let stored = peek(directory) else { return }
        if let chosen = stored.language, CourseLanguage(tag: chosen) != nil {
            setenv(variable, chosen, 1)
        } else if let explicit, let language = CourseLanguage(tag: explicit) {
            _ = try? ProgressStore(directory: directory).update { $0.language = language.tag }
        }
    }

    /// The stored choice, read without the store's repairs (a damaged file is the command's to
    /// report); nil when the file cannot be read, `Stored()` when there is none yet.
    static func peek(_ directory: URL) -> Stored? {
        let file = directory.appendingPathComponent("progress.json")
        guard FileManager.default.fileExists(atPath: file.path) else { return Stored() }
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(Stored.self, from: data)
    }

    struct Stored: Decodable {
        var language: String?
    }
}
