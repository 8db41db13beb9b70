import Course
import Foundation

/// The prebuilt course library an exercise is compiled against: `libLLMCourseKit.so` and the
/// Swift modules it re-exports, in one SwiftPM build folder (`.build/debug`, `.build/release`).
///
/// ```swift
/// let kit = try CourseKit.locate(courseRoot: root, progress: { print($0) })
/// kit.library      // …/.build/debug/libLLMCourseKit.so
/// kit.modules      // …/.build/debug/Modules
/// ```
public struct CourseKit: Sendable, Equatable {
    /// The build folder holding the library.
    public var directory: URL
    /// Folders with `module.modulemap` files of the system libraries the modules import.
    public var moduleMaps: [URL]

    public init(directory: URL, moduleMaps: [URL] = []) {
        self.directory = directory
        self.moduleMaps = moduleMaps
    }

    public static let libraryName = "libLLMCourseKit.so"

    public var library: URL { directory.appendingPathComponent(Self.libraryName) }
    public var modules: URL {
        let nested = directory.appendingPathComponent("Modules")
        return FileManager.default.fileExists(atPath: nested.path) ? nested : directory
    }

    /// True when the library and its module interface are both there.
    public var isBuilt: Bool {
        FileManager.default.fileExists(atPath: library.path)
            && FileManager.default.fileExists(atPath: modules.appendingPathComponent("LLMCourseKit.swiftmodule").path)
    }

    /// Finds the library, building it when it is missing or older than the library sources.
    ///
    /// Looks in `$LLMCOURSE_KIT_DIR`, then next to the running program (the same build
    /// folder), then `<root>/.build/debug` and `<root>/.build/release`. `progress` receives one
    /// line before a build starts (a first build takes a minute or two). When a rebuild fails,
    /// the library built earlier is used (with a note); `LLMCOURSE_KIT_REBUILD=never` skips
    /// rebuilding whenever some library exists. The progress lines are in `language`.
    public static func locate(courseRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL, language: CourseLanguage = .english,
                              progress: (String) -> Void) throws(ExerciseError) -> CourseKit {
        if let dir = environment["LLMCOURSE_KIT_DIR"], !dir.isEmpty {
            let kit = CourseKit(builtIn: URL(fileURLWithPath: dir, isDirectory: true))
            guard kit.isBuilt else {
                throw .courseLibraryUnavailable("LLMCOURSE_KIT_DIR=\(dir) holds no \(libraryName); unset it or build with `swift build --product LLMCourseKit`")
            }
            return kit
        }
        var candidates: [URL] = []
        if let executable { candidates.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        candidates.append(courseRoot.appendingPathComponent(".build/debug"))
        candidates.append(courseRoot.appendingPathComponent(".build/release"))
        let sourcesChanged = newestLibrarySource(courseRoot: courseRoot)
        for dir in candidates {
            let kit = CourseKit(builtIn: dir)
            if kit.isBuilt && !kit.isOlder(than: sourcesChanged) { return kit }
        }
        // Build into the folder of the running program when it is a SwiftPM build folder.
        let target = candidates.first { $0.path.contains("/.build") } ?? courseRoot.appendingPathComponent(".build/debug")
        let earlier = candidates.map { CourseKit(builtIn: $0) }.first { $0.isBuilt }
        if let earlier, environment["LLMCOURSE_KIT_REBUILD"] == "never" { return earlier }
        progress(ExerciseMessages.text(earlier != nil ? .libraryRebuilding : .libraryBuilding, language))
        do {
            try build(into: target, courseRoot: courseRoot)
        } catch {
            // A library that compiled before is better than none: the learner's exercise may
            // not need what changed.
            guard let earlier else { throw error }
            progress(ExerciseMessages.text(.libraryRebuildFailed, language, error.text(language), earlier.directory.path))
            return earlier
        }
        let kit = CourseKit(builtIn: target)
        guard kit.isBuilt else {
            throw .courseLibraryUnavailable("the build finished but \(kit.library.path) is missing")
        }
        return kit
    }

    /// The most recent modification time among the sources compiled into the library.
    /// The modules the library is built from: `LLMCourseKit` and every module its `About.swift`
    /// re-exports (`@_exported import Fundamentals`), so a new teaching module counts at once.
    static func libraryModules(courseRoot: URL) -> [String] {
        let about = courseRoot.appendingPathComponent("Sources/LLMCourseKit/About.swift")
        let text = (try? String(contentsOf: about, encoding: .utf8)) ?? ""
        let exported = text.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            return words.count == 3 && words[0] == "@_exported" && words[1] == "import" ? String(words[2]) : nil
        }
        return ["LLMCourseKit"] + exported
    }

    static func newestLibrarySource(courseRoot: URL) -> Date? {
        var newest: Date?
        for module in libraryModules(courseRoot: courseRoot) {
            let dir = courseRoot.appendingPathComponent("Sources/\(module)")
            guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
            for case let file as URL in walker where file.pathExtension == "swift" {
                if let date = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate,
                   newest.map({ date > $0 }) ?? true {
                    newest = date
                }
            }
        }
        return newest
    }

    func isOlder(than date: Date?) -> Bool {
        guard let date, let attributes = try? FileManager.default.attributesOfItem(atPath: library.path),
              let built = attributes[.modificationDate] as? Date else { return false }
        return built < date
    }

    /// The library in a SwiftPM build folder, with the module maps of the package that built
    /// it (the modules import its system-library targets, e.g. COpenBLAS).
    public init(builtIn directory: URL) {
        var package = directory.standardizedFileURL.resolvingSymlinksInPath()
        while package.path != "/" && !package.lastPathComponent.hasPrefix(".build") {
            package = package.deletingLastPathComponent()
        }
        package = package.deletingLastPathComponent()
        self.init(directory: directory, moduleMaps: Self.systemModuleMaps(packageRoot: package))
    }

    /// Finds an already built library next to `executable` or in `<root>/.build/{debug,release}`,
    /// without building (for tests, which cannot run SwiftPM while it runs them).
    public static func find(courseRoot: URL, executable: URL? = Bundle.main.executableURL,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> CourseKit? {
        if let dir = environment["LLMCOURSE_KIT_DIR"], !dir.isEmpty {
            let kit = CourseKit(builtIn: URL(fileURLWithPath: dir, isDirectory: true))
            return kit.isBuilt ? kit : nil
        }
        var candidates: [URL] = []
        if let executable { candidates.append(executable.resolvingSymlinksInPath().deletingLastPathComponent()) }
        candidates += [courseRoot.appendingPathComponent(".build/debug"), courseRoot.appendingPathComponent(".build/release")]
        return candidates.map { CourseKit(builtIn: $0) }.first { $0.isBuilt }
    }

    static func systemModuleMaps(packageRoot: URL) -> [URL] {
        // The course's own C kernels (a C target with a module map of its own) travel the same way.
        ["COpenBLAS", "CCmark", "CKernels/include"].map { packageRoot.appendingPathComponent("Sources/\($0)/module.modulemap") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// `swift build --product LLMCourseKit` with the scratch path and configuration of `directory`.
    static func build(into directory: URL, courseRoot: URL) throws(ExerciseError) {
        let configuration = directory.lastPathComponent == "release" ? "release" : "debug"
        var scratch = directory.deletingLastPathComponent()
        if !scratch.lastPathComponent.hasPrefix(".build") { scratch = scratch.deletingLastPathComponent() }
        // The build's own output (hundreds of steps, SwiftPM's warnings about the packages'
        // files) is kept back: a terminal sees one line redrawn with the step count, and the
        // whole log is shown only when the build fails.
        let status = BuildStatusLine()
        let result = ProcessRunner.run(["swift", "build", "--package-path", courseRoot.path, "--product", "LLMCourseKit",
                                        "-c", configuration, "--scratch-path", scratch.path], onOutput: status.show)
        status.clear()
        guard result.status == 0 else {
            FileHandle.standardError.write(Data(result.output.utf8))
            throw .courseLibraryUnavailable("`swift build --product LLMCourseKit` failed (exit \(result.status)); its output is above")
        }
    }
}
