import Foundation

/// Finds the course on disk and loads it into a ``Course``.
///
/// The root is the folder that holds `Lessons/roadmap.md`: given by `--course DIR`, else by
/// the environment variable `LLMCOURSE_ROOT`, else found by walking up from the current
/// directory, else the course the running `llmcourse` was built in (found by walking up from
/// the program's real location, so a command linked onto the PATH works from any folder).
///
/// ```swift
/// let root = try CourseLoader.findRoot(explicit: options.course)
/// let course = try CourseLoader.load(root: root)
/// ```
///
/// Loading throws only when the roadmap itself is missing or unreadable. Format problems in
/// lessons become ``Course/diagnostics`` so a reader can still open the good lessons.
public enum CourseLoader {
    /// The environment variable naming the course root.
    public static let rootEnvironmentVariable = "LLMCOURSE_ROOT"
    /// The roadmap's path relative to the root.
    public static let roadmapPath = "Lessons/roadmap.md"

    public static func findRoot(explicit: String? = nil,
                                environment: [String: String] = ProcessInfo.processInfo.environment,
                                currentDirectory: String = FileManager.default.currentDirectoryPath,
                                executable: URL? = runningProgram) throws(CourseError) -> URL {
        let fm = FileManager.default
        if let given = explicit.flatMap({ $0.isEmpty ? nil : $0 }) ?? environment[rootEnvironmentVariable].flatMap({ $0.isEmpty ? nil : $0 }) {
            let url = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)).standardizedFileURL
            guard fm.fileExists(atPath: url.appendingPathComponent(roadmapPath).path) else {
                throw .roadmapMissing(root: url.path)
            }
            return url
        }
        if let found = enclosingRoot(of: URL(fileURLWithPath: currentDirectory, isDirectory: true)) { return found }
        if let program = executable, let found = enclosingRoot(of: program.deletingLastPathComponent()) { return found }
        throw .courseNotFound(searchedFrom: currentDirectory)
    }

    /// The real path of the running program (symbolic links such as `~/.local/bin/llmcourse`
    /// resolved), nil where the system does not say.
    public static var runningProgram: URL? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return Bundle.main.executableURL?.resolvingSymlinksInPath()
        }
        return URL(fileURLWithPath: path)
    }

    /// `folder` or the nearest folder above it that holds the roadmap.
    static func enclosingRoot(of folder: URL) -> URL? {
        var dir = folder.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(roadmapPath).path) { return dir }
            let parent = dir.deletingLastPathComponent().standardizedFileURL
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Finds the root as ``findRoot(explicit:environment:currentDirectory:)`` does and loads it.
    public static func load(explicit: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(CourseError) -> Course {
        try load(root: findRoot(explicit: explicit, environment: environment))
    }

    public static func load(root: URL) throws(CourseError) -> Course {
        let lessonsDir = root.appendingPathComponent("Lessons")
        var (roadmaps, diagnostics) = try loadRoadmaps(root: root)
        let ids = lessonIDs(roadmaps, lessonsDir: lessonsDir)

        var lessons: [String: [CourseLanguage: Lesson]] = [:]
        var hashes: [String: String] = [:]
        for id in ids {
            for language in CourseLanguage.allCases {
                let path = "Lessons/\(id)/\(language.lessonFileName)"
                guard let data = try readData(root, path) else { continue }
                if language == .english { hashes[id] = SHA256.sourceHash(data) }
                let lesson = LessonParser.parse(String(decoding: data, as: UTF8.self), id: id, language: language, path: path)
                diagnostics += lesson.diagnostics
                lessons[id, default: [:]][language] = lesson
            }
        }
        return Course(root: root, roadmaps: roadmaps, lessons: lessons, sourceHashes: hashes, diagnostics: diagnostics,
                      exercises: try loadExercises(root: root))
    }

    /// Every edition's roadmap (parts take the English ids by position), with their diagnostics.
    static func loadRoadmaps(root: URL) throws(CourseError) -> ([CourseLanguage: Roadmap], [CourseDiagnostic]) {
        guard let englishText = try read(root, roadmapPath, required: true) else {
            throw .roadmapMissing(root: root.path)
        }
        var diagnostics: [CourseDiagnostic] = []
        var roadmaps: [CourseLanguage: Roadmap] = [:]
        let english = RoadmapParser.parse(englishText, language: .english, path: roadmapPath)
        roadmaps[.english] = english
        diagnostics += english.diagnostics
        for language in CourseLanguage.allCases where language != .english {
            let path = "Lessons/\(language.roadmapFileName)"
            guard let text = try read(root, path, required: false) else { continue }
            var roadmap = RoadmapParser.parse(text, language: language, path: path)
            // Editions share structure, so parts take the English ids by position.
            for i in roadmap.parts.indices where i < english.parts.count {
                roadmap.parts[i].id = english.parts[i].id
            }
            roadmaps[language] = roadmap
            diagnostics += roadmap.diagnostics
        }
        return (roadmaps, diagnostics)
    }

    /// Lessons in reading order: the English roadmap's, then other editions', then folders
    /// no roadmap names.
    static func lessonIDs(_ roadmaps: [CourseLanguage: Roadmap], lessonsDir: URL) -> [String] {
        var ids: [String] = []
        var seen = Set<String>()
        let others = roadmaps.filter { $0.key != .english }.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        for roadmap in [roadmaps[.english]].compactMap({ $0 }) + others {
            for id in roadmap.lessonIDs where seen.insert(id).inserted { ids.append(id) }
        }
        for id in lessonFolders(in: lessonsDir) where seen.insert(id).inserted { ids.append(id) }
        return ids
    }

    /// Folders directly under `Lessons/` that hold a `lesson*.md`, sorted.
    static func lessonFolders(in lessonsDir: URL) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: lessonsDir.path) else { return [] }
        return names.sorted().filter { name in
            let dir = lessonsDir.appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard !name.hasPrefix("."), fm.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else { return false }
            return CourseLanguage.allCases.contains { fm.fileExists(atPath: dir.appendingPathComponent($0.lessonFileName).path) }
        }
    }

    static func readData(_ root: URL, _ path: String) throws(CourseError) -> Data? {
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
    }

    private static func read(_ root: URL, _ path: String, required: Bool) throws(CourseError) -> String? {
        guard let data = try readData(root, path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
