import Course
import Foundation

/// An ``Exercise`` from the course model's reading of its folder: the metadata values the
/// grader depends on are checked here (the comment itself is read once, by Course).
extension Exercise {
    /// Throws ``ExerciseError/malformed(path:line:problem:)`` naming the file and line of the
    /// first problem, so one bad folder is reported and left out without hiding the others.
    init(_ source: CourseExercise, folder: URL) throws(ExerciseError) {
        let id = source.id
        let relative = "Exercises/\(id)/exercise.md"
        guard let english = source.english else { throw .missingFile(path: relative, role: "task text") }
        try ExerciseCatalog.validate(english)
        let metadata = english.metadata ?? ExerciseMetadata(fields: [], range: .unknown)
        func required(_ key: String) throws(ExerciseError) -> String {
            guard let value = metadata.value(key), !value.isEmpty else {
                throw .malformed(path: relative, line: 1, problem: "metadata has no `\(key):` line")
            }
            return value
        }
        func line(_ key: String) -> Int { metadata.field(key)?.position.line ?? 1 }

        let declared = try required("id")
        guard declared == id else {
            throw .malformed(path: relative, line: line("id"), problem: "id '\(declared)' differs from the folder name '\(id)'; make them equal")
        }
        let files = try required("files").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for file in files where file.contains("/") || !file.hasSuffix(".swift") {
            throw .malformed(path: relative, line: line("files"),
                             problem: "starter file '\(file)' must be a .swift file name in the exercise folder")
        }
        var timeout = Exercise.defaultTimeout
        if let text = metadata.value("timeout") {
            guard let value = Double(text), value > 0 else {
                throw .malformed(path: relative, line: line("timeout"), problem: "timeout '\(text)' must be a number of seconds")
            }
            timeout = min(value, Exercise.maximumTimeout)
        }
        var memory = Exercise.defaultMemoryMegabytes
        if let text = metadata.value("memory-mb") {
            guard let value = Int(text), value >= 64 else {
                throw .malformed(path: relative, line: line("memory-mb"), problem: "memory-mb '\(text)' must be a whole number of MiB, at least 64")
            }
            memory = value
        }
        var texts: [CourseLanguage: ExerciseText] = [.english: ExerciseText(english)]
        for (language, translated) in source.editions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where language != .english {
            try ExerciseCatalog.validate(translated)
            for key in ["id", "lesson", "files", "reference"] where translated.metadata?.value(key) != metadata.value(key) {
                throw .malformed(path: translated.path, line: translated.metadata?.field(key)?.position.line ?? 1,
                                 problem: "`\(key):` differs from exercise.md; the translation repeats the English metadata unchanged")
            }
            texts[language] = ExerciseText(translated)
        }
        self.init(id: id, folder: folder, lesson: try required("lesson"), starterFiles: files,
                  reference: try required("reference"), timeoutSeconds: timeout,
                  memoryMegabytes: memory, texts: texts)
    }
}

extension ExerciseText {
    /// The parts of an edition the grader shows: title, hints, and the text for renderers.
    init(_ edition: ExerciseEdition) {
        self.init(path: edition.path, title: edition.title, hints: edition.hints, markdown: edition.markdown, task: edition.task)
    }
}
